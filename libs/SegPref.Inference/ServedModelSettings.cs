namespace SegPref.Inference;

/// <summary>
/// The "Models" configuration section of a service: which repository entry it serves and how sessions run. Each
/// service process serves one model, so Name and Version refer to that model (null = the conventional name and the
/// highest version).
/// </summary>
public sealed class ServedModelSettings
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Models";

    /// <summary>Model repository root (models/).</summary>
    public string? Root { get; set; }

    /// <summary>Entry name (e.g. teso or audio-only for the segmenter); null = the service's default.</summary>
    public string? Name { get; set; }

    /// <summary>Version folder; null = the highest.</summary>
    public string? Version { get; set; }

    /// <summary>Execution provider: Auto (CUDA when present, else CPU), Cpu or Cuda.</summary>
    public ExecutionProvider Provider { get; set; } = ExecutionProvider.Auto;

    /// <summary>ONNX Runtime intra-op threads (0 = its default).</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>ONNX Runtime inter-op threads (0 = its default).</summary>
    public int InterOpThreads { get; set; }

    /// <summary>The session options.</summary>
    public InferenceOptions ToOptions() => new() { Provider = Provider, IntraOpThreads = IntraOpThreads, InterOpThreads = InterOpThreads };

    /// <summary>Opens the served model with <paramref name="opener"/> (one of the ModelRepository.Open... methods).</summary>
    /// <exception cref="InvalidOperationException">No root configured.</exception>
    public T Open<T>(string role, Func<string, InferenceOptions, string?, string?, T> opener)
    {
        ArgumentNullException.ThrowIfNull(opener);
        return opener(RequireRoot(role), ToOptions(), Name, Version);
    }

    /// <summary>The repository root, or a clear error naming the setting.</summary>
    /// <exception cref="InvalidOperationException">No root configured.</exception>
    public string RequireRoot(string role) =>
        string.IsNullOrWhiteSpace(Root)
            ? throw new InvalidOperationException($"No {role} model is configured: set Models:Root (environment Models__Root) to a model repository, e.g. models/.")
            : Root;
}

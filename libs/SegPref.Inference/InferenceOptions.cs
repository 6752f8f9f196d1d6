namespace SegPref.Inference;

/// <summary>How model sessions are created.</summary>
public sealed record InferenceOptions
{
    /// <summary>Execution provider (auto: CUDA when present, else CPU).</summary>
    public ExecutionProvider Provider { get; init; } = ExecutionProvider.Auto;

    /// <summary>Threads inside one operator (0 = ONNX Runtime's default).</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>Threads across independent operators (0 = ONNX Runtime's default).</summary>
    public int InterOpThreads { get; init; }

    /// <summary>Let idle intra-op pool threads spin for work (ONNX Runtime's default; off saves cores on shared CPUs).</summary>
    public bool AllowSpinning { get; init; } = true;

    /// <summary>Run each model once on zero inputs at load, so the first request does not pay the set-up.</summary>
    public bool WarmUp { get; init; } = true;

    /// <summary>Pinned versions by model name; a model not listed gets its highest version folder.</summary>
    public IReadOnlyDictionary<string, string> Versions { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">Negative thread counts.</exception>
    public void Validate()
    {
        if (IntraOpThreads < 0 || InterOpThreads < 0)
        {
            throw new ArgumentException($"Thread counts must be 0 (default) or positive, got intra-op {IntraOpThreads}, inter-op {InterOpThreads}.");
        }
    }
}

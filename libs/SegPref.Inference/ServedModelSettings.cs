using SegPref.Inference.Abstractions;
using SegPref.Inference.Batching;
using SegPref.Inference.Repository;
using SegPref.Inference.Serving;

namespace SegPref.Inference;

/// <summary>
/// The "Models" configuration section of a service: which repository entries it serves in its role and how. The
/// default model is <see cref="Name"/> (null = the role's conventional name) at <see cref="Version"/> (null = the
/// highest that <see cref="VersionPolicy"/> loads); <see cref="Also"/> adds more models requests may pick by name.
/// The serving fields override config.json's instance_count, max_batch_size and dynamic_batching for this deployment.
/// </summary>
public sealed class ServedModelSettings
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Models";

    /// <summary>Model repository root (models/).</summary>
    public string? Root { get; set; }

    /// <summary>Entry name (e.g. teso or audio-only for the segmenter); null = the service's default.</summary>
    public string? Name { get; set; }

    /// <summary>The default version; null = the highest one loaded.</summary>
    public string? Version { get; set; }

    /// <summary>Versions of <see cref="Name"/> to load: latest (default), latest:N, all, specific:V1,V2. A set <see cref="Version"/> is always loaded.</summary>
    public string? VersionPolicy { get; set; }

    /// <summary>More models served beside the default, each with its own version policy.</summary>
    public IList<ServedModelRef> Also { get; } = [];

    /// <summary>Execution provider: Auto (CUDA when present, else CPU), Cpu or Cuda.</summary>
    public ExecutionProvider Provider { get; set; } = ExecutionProvider.Auto;

    /// <summary>ONNX Runtime intra-op threads of each model's session, shared by its instances (0 = its default).</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>ONNX Runtime inter-op threads (0 = its default).</summary>
    public int InterOpThreads { get; set; }

    /// <summary>Let ONNX Runtime's idle pool threads spin (off: on shared CPUs spinning steals the cores other instances need).</summary>
    public bool AllowSpinning { get; set; }

    /// <summary>Overrides config.json's instance_count.</summary>
    public int? InstanceCount { get; set; }

    /// <summary>Overrides config.json's max_batch_size.</summary>
    public int? MaxBatchSize { get; set; }

    /// <summary>Turns dynamic batching on or off.</summary>
    public bool? DynamicBatching { get; set; }

    /// <summary>Overrides dynamic_batching.max_queue_delay_microseconds.</summary>
    public long? MaxQueueDelayMicroseconds { get; set; }

    /// <summary>Overrides dynamic_batching.max_queue_size.</summary>
    public int? MaxQueueSize { get; set; }

    /// <summary>The session options.</summary>
    public InferenceOptions ToOptions() => new() { Provider = Provider, IntraOpThreads = IntraOpThreads, InterOpThreads = InterOpThreads, AllowSpinning = AllowSpinning };

    /// <summary>The deployment's serving overrides.</summary>
    public ServingOverrides ToOverrides() => new()
    {
        InstanceCount = InstanceCount,
        MaxBatchSize = MaxBatchSize,
        DynamicBatching = DynamicBatching,
        MaxQueueDelayMicroseconds = MaxQueueDelayMicroseconds,
        MaxQueueSize = MaxQueueSize,
    };

    /// <summary>
    /// The models of one role: <paramref name="injected"/> alone when a host or test supplies one, else every
    /// (name, version) the version policies select from the repository, each behind a batcher made by <paramref name="batch"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">No root configured.</exception>
    /// <exception cref="InvalidDataException">A missing model or version, or a bad entry.</exception>
    public ModelSet<TModel, TRequest, TResult> OpenSet<TModel, TRequest, TResult>(
        string role, string kind, string defaultName, TModel? injected, Func<TModel, string, ServingPolicy, BatchedModel<TModel, TRequest, TResult>> batch)
        where TModel : class, IServedModel
    {
        ArgumentNullException.ThrowIfNull(batch);
        var overrides = ToOverrides();
        if (injected is not null)
        {
            var only = batch(injected, role, ServingPolicy.Resolve(kind, injected.Config, overrides));
            return new ModelSet<TModel, TRequest, TResult>(role, [only], only);
        }

        var root = RequireRoot(role);
        var options = ToOptions();
        var name = Name ?? defaultName;
        var wanted = new List<(string Name, string Version)>();
        foreach (var (model, policy) in Also.Select(a => (a.Name, a.VersionPolicy)).Prepend((name, VersionPolicy)))
        {
            var versions = Repository.VersionPolicy.Parse(policy).Select(model, ModelEntry.ListVersions(root, model)).ToList();
            if (model == name && Version is not null && !versions.Contains(Version, StringComparer.Ordinal))
            {
                versions.Add(Version);
            }

            wanted.AddRange(versions.Where(v => !wanted.Contains((model, v))).Select(v => (model, v)));
        }

        var loaded = new List<BatchedModel<TModel, TRequest, TResult>>();
        try
        {
            foreach (var (model, version) in wanted)
            {
                var opened = ModelLoader.Load<TModel>(root, model, version, kind, options);
                loaded.Add(batch(opened, role, ServingPolicy.Resolve(kind, opened.Config, overrides)));
            }

            var defaults = loaded.Where(m => m.Identity.Name == name).ToList();
            var chosen = Version is null ? defaults[^1] : defaults.First(m => m.Identity.Version == Version);
            return new ModelSet<TModel, TRequest, TResult>(role, loaded, chosen);
        }
        catch
        {
            loaded.ForEach(m => m.Dispose());
            throw;
        }
    }

    /// <summary>The repository root, or a clear error naming the setting.</summary>
    /// <exception cref="InvalidOperationException">No root configured.</exception>
    public string RequireRoot(string role) =>
        string.IsNullOrWhiteSpace(Root)
            ? throw new InvalidOperationException($"No {role} model is configured: set Models:Root (environment Models__Root) to a model repository, e.g. models/.")
            : Root;
}

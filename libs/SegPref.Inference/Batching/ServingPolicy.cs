using SegPref.Inference.Repository;

namespace SegPref.Inference.Batching;

/// <summary>
/// How one served model takes requests: <see cref="InstanceCount"/> concurrent runs, and when <see cref="Batching"/>
/// is on, requests combined along axis 0 into runs of at most <see cref="MaxBatchSize"/> rows, waiting at most
/// <see cref="MaxQueueDelay"/> after the oldest queued request; at most <see cref="MaxQueueSize"/> requests wait (0 =
/// unbounded). Resolved from config.json, then the deployment's overrides, then the kind's defaults.
/// </summary>
/// <param name="InstanceCount">Concurrent runs (at least 1).</param>
/// <param name="MaxBatchSize">Most rows in one run, and in one request.</param>
/// <param name="Batching">Combine requests (false: each run takes one request).</param>
/// <param name="MaxQueueDelay">Longest wait for a fuller batch.</param>
/// <param name="MaxQueueSize">Most waiting requests; 0 = unbounded.</param>
public sealed record ServingPolicy(int InstanceCount, int MaxBatchSize, bool Batching, TimeSpan MaxQueueDelay, int MaxQueueSize)
{
    /// <summary>The defaults of a kind when neither config.json nor the deployment says otherwise.</summary>
    /// <remarks>
    /// One instance and batching with no added delay: requests that arrive while the instance runs form the next
    /// batch, so batches grow with load and cost nothing when idle (docs/results/serving.md has the measurements).
    /// max_batch_size leaves room for a 16-frame clip with its silent-audio counterfactual (32 segmenter rows).
    /// </remarks>
    public static ServingPolicy DefaultFor(string kind) => kind switch
    {
        ModelKinds.Segmenter => new(1, 64, true, TimeSpan.Zero, 256),
        ModelKinds.AudioEncoder => new(1, 64, true, TimeSpan.Zero, 256),
        ModelKinds.CueEncoder => new(1, 256, true, TimeSpan.Zero, 256),
        ModelKinds.Captioner => new(1, 64, true, TimeSpan.Zero, 256),
        _ => new(1, 64, true, TimeSpan.Zero, 256),
    };

    /// <summary>config.json's values over the kind's defaults, then <paramref name="overrides"/> over both.</summary>
    /// <exception cref="ArgumentException">An override out of range.</exception>
    public static ServingPolicy Resolve(string kind, ModelConfig? config, ServingOverrides? overrides)
    {
        var d = DefaultFor(kind);
        var batching = config?.DynamicBatching;
        var policy = new ServingPolicy(
            overrides?.InstanceCount ?? config?.InstanceCount ?? d.InstanceCount,
            overrides?.MaxBatchSize ?? config?.MaxBatchSize ?? d.MaxBatchSize,
            overrides?.DynamicBatching ?? (config is null || config.DynamicBatching is not null || config.MaxBatchSize is null ? d.Batching : false),
            TimeSpan.FromMicroseconds(overrides?.MaxQueueDelayMicroseconds ?? batching?.MaxQueueDelayMicroseconds ?? (long)d.MaxQueueDelay.TotalMicroseconds),
            overrides?.MaxQueueSize ?? batching?.MaxQueueSize ?? d.MaxQueueSize);
        return policy.InstanceCount < 1 || policy.MaxBatchSize < 1 || policy.MaxQueueDelay < TimeSpan.Zero || policy.MaxQueueSize < 0
            ? throw new ArgumentException($"Serving settings out of range: {policy} (instance count and max batch size at least 1, delay and queue size at least 0).", nameof(overrides))
            : policy;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"instance_count {InstanceCount}, max_batch_size {MaxBatchSize}, dynamic batching {(Batching ? $"on (max_queue_delay_microseconds {MaxQueueDelay.TotalMicroseconds:0}, max_queue_size {MaxQueueSize})" : "off")}";
}

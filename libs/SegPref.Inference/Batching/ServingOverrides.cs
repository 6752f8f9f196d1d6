namespace SegPref.Inference.Batching;

/// <summary>A deployment's overrides of config.json's serving fields (null = keep config.json's value).</summary>
public sealed record ServingOverrides
{
    /// <summary>Overrides instance_count.</summary>
    public int? InstanceCount { get; init; }

    /// <summary>Overrides max_batch_size.</summary>
    public int? MaxBatchSize { get; init; }

    /// <summary>Turns dynamic batching on or off.</summary>
    public bool? DynamicBatching { get; init; }

    /// <summary>Overrides dynamic_batching.max_queue_delay_microseconds.</summary>
    public long? MaxQueueDelayMicroseconds { get; init; }

    /// <summary>Overrides dynamic_batching.max_queue_size.</summary>
    public int? MaxQueueSize { get; init; }
}

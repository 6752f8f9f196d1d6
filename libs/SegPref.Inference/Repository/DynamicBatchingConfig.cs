using System.Text.Json.Serialization;

namespace SegPref.Inference.Repository;

/// <summary>
/// The "dynamic_batching" block of config.json, after Triton's: requests for the model are combined into one run of up
/// to max_batch_size rows, waiting at most <see cref="MaxQueueDelayMicroseconds"/> after the oldest queued request,
/// and at most <see cref="MaxQueueSize"/> requests wait (more are refused with RESOURCE_EXHAUSTED). Triton keeps the
/// queue size in default_queue_policy; here it sits in the block itself.
/// </summary>
public sealed record DynamicBatchingConfig
{
    /// <summary>Longest a batch waits for more requests after its oldest one arrived (0 = never wait: whatever queued while the instances were busy forms the batch).</summary>
    [JsonPropertyName("max_queue_delay_microseconds")] public long? MaxQueueDelayMicroseconds { get; init; }

    /// <summary>Most requests waiting for an instance; 0 = unbounded (Triton's default).</summary>
    [JsonPropertyName("max_queue_size")] public int? MaxQueueSize { get; init; }
}

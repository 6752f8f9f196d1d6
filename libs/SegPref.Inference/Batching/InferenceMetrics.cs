using System.Diagnostics;
using System.Diagnostics.Metrics;
using SegPref.Inference.Abstractions;

namespace SegPref.Inference.Batching;

/// <summary>
/// Triton's per-model metrics under Triton's names and labels (model, version), so that Triton dashboards and
/// autoscaling rules read them unchanged: request success/failure (reason REJECTED, CANCELED, BACKEND), inferences
/// (rows) and executions (runs), cumulative queue/compute/request microseconds, and the pending-request gauge.
/// One <see cref="Meter"/> named <see cref="MeterName"/> for every model of the process.
/// </summary>
public sealed class InferenceMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "SegPref.Serving";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Success = Meter.CreateCounter<long>("nv_inference_request_success", description: "Number of successful inference requests, all batch sizes");
    private static readonly Counter<long> Failure = Meter.CreateCounter<long>("nv_inference_request_failure", description: "Number of failed inference requests, all batch sizes");
    private static readonly Counter<long> Count = Meter.CreateCounter<long>("nv_inference_count", description: "Number of inferences performed (a request of n rows counts n)");
    private static readonly Counter<long> ExecCount = Meter.CreateCounter<long>("nv_inference_exec_count", description: "Number of model executions performed (a batch counts once)");
    private static readonly Counter<long> RequestDuration = Meter.CreateCounter<long>("nv_inference_request_duration_us", description: "Cumulative inference request duration in microseconds (queue + compute)");
    private static readonly Counter<long> QueueDuration = Meter.CreateCounter<long>("nv_inference_queue_duration_us", description: "Cumulative inference queuing duration in microseconds");
    private static readonly Counter<long> ComputeDuration = Meter.CreateCounter<long>("nv_inference_compute_infer_duration_us", description: "Cumulative compute inference duration in microseconds");
    private static readonly UpDownCounter<long> Pending = Meter.CreateUpDownCounter<long>("nv_inference_pending_request_count", description: "Instantaneous number of pending requests awaiting execution per-model");

    private readonly KeyValuePair<string, object?>[] _labels;

    /// <summary>Metrics of <paramref name="model"/>.</summary>
    public InferenceMetrics(ModelIdentity model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _labels = [new("model", model.Name), new("version", model.Version)];
    }

    internal void Queued() => Pending.Add(1, _labels);

    internal void LeftQueue(int requests) => Pending.Add(-requests, _labels);

    internal void Executed(int rows)
    {
        ExecCount.Add(1, _labels);
        Count.Add(rows, _labels);
    }

    internal void Succeeded(long queueUs, long computeUs)
    {
        Success.Add(1, _labels);
        QueueDuration.Add(queueUs, _labels);
        ComputeDuration.Add(computeUs, _labels);
        RequestDuration.Add(queueUs + computeUs, _labels);
    }

    internal void Failed(string reason)
    {
        var tags = new TagList { _labels[0], _labels[1], { "reason", reason } };
        Failure.Add(1, tags);
    }
}

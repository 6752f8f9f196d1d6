using System.ComponentModel.DataAnnotations;

namespace SegPref.Segmentation.Service.Pipeline;

/// <summary>How the Pipeline's stage clients retry, break and probe (section "Pipeline:Resilience").</summary>
public sealed class StageResilienceOptions
{
    public const string SectionName = "Pipeline:Resilience";

    /// <summary>Attempts per stage call, the first included (gRPC retry policy on UNAVAILABLE; 1 turns retries off).</summary>
    [Range(1, 5)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>First retry backoff in milliseconds (doubled per attempt, jittered by gRPC).</summary>
    [Range(1, 10_000)]
    public int InitialBackoffMilliseconds { get; set; } = 50;

    /// <summary>Longest retry backoff in milliseconds.</summary>
    [Range(1, 60_000)]
    public int MaxBackoffMilliseconds { get; set; } = 500;

    /// <summary>Retry budget (gRPC retry throttling): tokens per stage channel; a failure takes 1, a success gives back the ratio.</summary>
    [Range(1, 1000)]
    public int RetryBudgetTokens { get; set; } = 10;

    /// <summary>Tokens a successful call gives back (0.1: at most about one retry per ten calls once the budget is spent).</summary>
    [Range(0.001, 1)]
    public double RetryBudgetTokenRatio { get; set; } = 0.1;

    /// <summary>Most bytes of one request kept for a retry; larger requests are sent once.</summary>
    [Range(0, 1024 * 1024 * 1024)]
    public long MaxRetryBufferPerCallBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Consecutive UNAVAILABLE answers that open a stage's circuit.</summary>
    [Range(1, 1000)]
    public int BreakerFailureThreshold { get; set; } = 3;

    /// <summary>Seconds an open circuit fails calls at once before letting one trial call through.</summary>
    [Range(0.05, 600)]
    public double BreakSeconds { get; set; } = 2;

    /// <summary>Seconds between grpc.health.v1 probes of each stage (readiness of the Pipeline; closes a circuit early).</summary>
    [Range(0.1, 600)]
    public double HealthProbeSeconds { get; set; } = 1;
}

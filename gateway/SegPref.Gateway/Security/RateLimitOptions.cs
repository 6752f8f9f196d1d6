using System.ComponentModel.DataAnnotations;

namespace SegPref.Gateway.Security;

/// <summary>
/// Per-client limits at the gateway (section "RateLimits"): a token bucket of calls and a cap on calls in flight. The
/// client is the authenticated name (API key or JWT), else the remote address. Health is not limited.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Turn the limits off (benchmarks that measure the backends alone).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Calls per second each client earns.</summary>
    [Range(0.01, 100_000)]
    public double TokensPerSecond { get; set; } = 20;

    /// <summary>Bucket size: calls a client may make at once after a quiet spell.</summary>
    [Range(1, 100_000)]
    public int Burst { get; set; } = 40;

    /// <summary>Calls of one client in flight at once.</summary>
    [Range(1, 100_000)]
    public int MaxConcurrentPerClient { get; set; } = 16;
}

using System.Globalization;
using System.Threading.RateLimiting;
using Grpc.Core;
using SegPref.ServiceDefaults.Health;

namespace SegPref.Gateway.Security;

/// <summary>Per-client token bucket and concurrency limit; over the limit = RESOURCE_EXHAUSTED (gRPC) or 429 (REST).</summary>
internal static class GatewayRateLimiting
{
    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services, RateLimitOptions limits)
    {
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsExempt(context, limits)
                    ? RateLimitPartition.GetNoLimiter(string.Empty)
                    : RateLimitPartition.GetTokenBucketLimiter(ClientOf(context), _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = limits.Burst,
                        TokensPerPeriod = Math.Max(1, (int)Math.Round(limits.TokensPerSecond / 10)),
                        ReplenishmentPeriod = TimeSpan.FromSeconds(Math.Max(1, (int)Math.Round(limits.TokensPerSecond / 10)) / limits.TokensPerSecond),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    })),
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsExempt(context, limits)
                    ? RateLimitPartition.GetNoLimiter(string.Empty)
                    : RateLimitPartition.GetConcurrencyLimiter(ClientOf(context), _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = limits.MaxConcurrentPerClient,
                        QueueLimit = 0,
                    })));
            o.OnRejected = (context, _) =>
            {
                var http = context.HttpContext;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    http.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }

                return new ValueTask(GrpcStatusResponse.WriteAsync(http, StatusCodes.Status429TooManyRequests, StatusCode.ResourceExhausted,
                    $"client '{ClientOf(http)}' is over its limit of {limits.TokensPerSecond} calls/s (burst {limits.Burst}) or {limits.MaxConcurrentPerClient} calls in flight (RateLimits:*); retry later"));
            };
        });
        return services;
    }

    /// <summary>The authenticated client name, else the remote address.</summary>
    public static string ClientOf(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : "ip:" + context.Connection.RemoteIpAddress;

    private static bool IsExempt(HttpContext context, RateLimitOptions limits) =>
        !limits.Enabled
        || context.Request.Path.StartsWithSegments(HealthNames.LivenessPath)
        || context.Request.Path.StartsWithSegments(HealthNames.ReadinessPath)
        || context.Request.Path.StartsWithSegments("/metrics")
        || context.Request.Path.StartsWithSegments("/grpc.health.v1.Health");
}

using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SegPref.Gateway.Health;

/// <summary>Healthy while at least one destination of the cluster answers SERVING for the gRPC service it routes.</summary>
internal sealed class BackendHealthCheck(BackendHealth health, string cluster, string grpcService) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(health.ClusterProblem(cluster) is { } problem
            ? HealthCheckResult.Unhealthy($"{grpcService}: no destination serving ({problem})")
            : HealthCheckResult.Healthy($"{grpcService}: serving"));
}

using Microsoft.Extensions.Diagnostics.HealthChecks;
using SegPref.ServiceDefaults.Models;

namespace SegPref.ServiceDefaults.Health;

/// <summary>Unhealthy (NOT_SERVING on grpc.health.v1, 503 on /readyz) until every model of the process has warmed up.</summary>
internal sealed class ModelReadinessHealthCheck(ModelReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.IsReady
            ? HealthCheckResult.Healthy("models warmed up")
            : HealthCheckResult.Unhealthy($"warming up: {string.Join(", ", readiness.Pending)}"));
}

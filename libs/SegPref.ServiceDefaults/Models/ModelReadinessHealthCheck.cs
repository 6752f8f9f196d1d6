using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SegPref.ServiceDefaults.Models;

/// <summary>Unhealthy (NOT_SERVING on grpc.health.v1, 503 on /healthz) until every model has warmed up.</summary>
internal sealed class ModelReadinessHealthCheck(ModelReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.IsReady
            ? HealthCheckResult.Healthy("models warmed up")
            : HealthCheckResult.Unhealthy($"warming up: {string.Join(", ", readiness.Pending)}"));
}

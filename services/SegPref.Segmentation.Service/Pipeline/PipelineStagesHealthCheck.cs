using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SegPref.Segmentation.Service.Pipeline;

/// <summary>The Pipeline's dependencies: unhealthy while a required stage is down, degraded while an optional one is.</summary>
internal sealed class PipelineStagesHealthCheck(StageHealth health) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problems = PipelineStageNames.All
            .Select(s => (Stage: s, Problem: health.Problem(s)))
            .Where(p => p.Problem is not null)
            .ToList();
        var required = problems.Where(p => health.Required.Contains(p.Stage)).ToList();
        var text = string.Join("; ", problems.Select(p => $"{p.Stage}: {p.Problem}"));
        return Task.FromResult(
            required.Count > 0 ? HealthCheckResult.Unhealthy($"required stage down: {text}")
            : problems.Count > 0 ? HealthCheckResult.Degraded($"optional stage down (audio-only fallback): {text}")
            : HealthCheckResult.Healthy("captioner, text-cues and audio-encoder serving"));
    }
}

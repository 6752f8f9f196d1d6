using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SegPref.Segmentation.Service.Pipeline;

/// <summary>Per stage: its circuit and what the last health probe found. Drives the Pipeline's readiness.</summary>
public sealed class StageHealth
{
    private readonly ConcurrentDictionary<string, string?> _probeProblems = new(StringComparer.Ordinal);

    public StageHealth(IOptions<StageResilienceOptions> options, IOptions<PipelineOptions> pipeline, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pipeline);
        var o = options.Value;
        Breakers = PipelineStageNames.All.ToDictionary(
            s => s,
            s => new StageCircuitBreaker(s, o.BreakerFailureThreshold, TimeSpan.FromSeconds(o.BreakSeconds), time),
            StringComparer.Ordinal);

        // With the audio-only fallback the text stages are optional: the Pipeline still answers (degraded) without them.
        Required = pipeline.Value.AllowAudioOnlyFallback ? [PipelineStageNames.AudioEncoder] : PipelineStageNames.All;
    }

    public IReadOnlyDictionary<string, StageCircuitBreaker> Breakers { get; }

    /// <summary>The stages the Pipeline cannot answer without.</summary>
    public IReadOnlyList<string> Required { get; }

    /// <summary>Records a probe: null when the stage answered SERVING, else what was wrong.</summary>
    public void RecordProbe(string stage, string? problem)
    {
        _probeProblems[stage] = problem;
        if (problem is null)
        {
            Breakers[stage].OnHealthy();
        }
    }

    /// <summary>What is wrong with <paramref name="stage"/> now (last probe or open circuit), or null when it looks up.</summary>
    public string? Problem(string stage)
    {
        if (_probeProblems.TryGetValue(stage, out var problem) && problem is not null)
        {
            return problem;
        }

        return Breakers[stage].IsOpen ? "circuit open after repeated UNAVAILABLE answers" : null;
    }
}

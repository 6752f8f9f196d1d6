using SegPref.Avs.Evaluation;
using SegPref.Avs.Metrics;
using SegPref.Media.Audio;
using SegPref.Models.Segmentation.Training;

namespace SegPref.Models.Segmentation.Preference;

/// <summary>Scores one run under every condition of the preference tables.</summary>
public static class PreferenceExperiment
{
    /// <summary>The test conditions, in table order (<see cref="AudioConditions.Benchmark"/>).</summary>
    public static IReadOnlyList<string> Conditions => AudioConditions.Benchmark;

    /// <summary>Evaluates <paramref name="context"/> on test under every condition and on test-counter (normal audio) where the data has it.</summary>
    /// <param name="context">The run.</param>
    /// <param name="name">Its name in the table.</param>
    /// <param name="onCondition">Gets (condition, scores) as each finishes (progress).</param>
    /// <param name="onTestFrame">Gets (condition, test row, probabilities) for every test frame (for figures).</param>
    /// <param name="conditions">The conditions to run (default: all; normal is always included).</param>
    public static PreferenceRow Score(
        EvaluationContext context, string name, Action<string, SegmentationScores>? onCondition = null, Action<string, int, float[]>? onTestFrame = null,
        IReadOnlyList<string>? conditions = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scores = new Dictionary<string, SegmentationScores>(StringComparer.Ordinal);
        foreach (var condition in Conditions.Where(c => c == AudioPerturbation.Normal || conditions is null || conditions.Contains(c)))
        {
            scores[condition] = context.Evaluate("test", condition, onTestFrame is null ? null : (row, probs) => onTestFrame(condition, row, probs));
            onCondition?.Invoke(condition, scores[condition]);
        }

        // Real data has no test-counter split (an AVS-Synth construction): its row then has no counter scores.
        var counter = context.Data.HasSplit("test-counter") ? context.Evaluate("test-counter") : null;
        if (counter is not null)
        {
            onCondition?.Invoke("test-counter", counter);
        }

        var normal = scores[AudioPerturbation.Normal];
        var test = scores.ToDictionary(kv => kv.Key, kv => Summarise(kv.Key, kv.Value, normal), StringComparer.Ordinal);
        double? below = null;
        if (scores.TryGetValue(AudioConditions.Swapped, out var swapped) && swapped.Reliance is { } r && normal.Reliance is { } own)
        {
            below = (double)r.Zip(own).Count(p => p.First < p.Second) / own.Count;
        }

        return new PreferenceRow(
            name, context.Config.Kind, RunRecipe.Describe(context.Config), context.Config.Training.Seed,
            context.Config.Kind == "teso" ? context.Config.Cues : null, test, counter is null ? new ConditionScores(null, null) : Summarise(AudioPerturbation.Normal, counter, counter), below)
        {
            RelianceByFrame = scores.Where(kv => kv.Value.Reliance is not null).ToDictionary(kv => kv.Key, kv => kv.Value.Reliance!, StringComparer.Ordinal),
        };
    }

    /// <summary>One condition's line: J/F and Delta where something visible sounds (and under mute), Null S where nothing does.</summary>
    public static ConditionScores Summarise(string condition, SegmentationScores s, SegmentationScores normal)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(normal);
        var silences = AudioConditions.SilencesVisible(condition);
        var withJ = !silences || condition == AudioPerturbation.Mute;
        var perturbed = condition != AudioPerturbation.Normal;
        return new ConditionScores(
            withJ ? s.MIoU : null, withJ ? s.FScore : null,
            withJ && perturbed ? PreferenceMeasures.Delta(normal.MIoU, s.MIoU) : null,
            withJ && perturbed ? PreferenceMeasures.Delta(normal.FScore, s.FScore) : null,
            silences ? s.NullS : null, s.MeanReliance, s.KeptCueFraction, s.SilentFrameFraction);
    }
}

using SegPref.Avs.Metrics;
using SegPref.Media.Audio;
using SegPref.Models.Segmentation.Training;

namespace SegPref.Models.Segmentation.Preference;

/// <summary>Scores one run under every condition of the preference table.</summary>
public static class PreferenceExperiment
{
    /// <summary>The perturbed test conditions, in table order.</summary>
    public static IReadOnlyList<string> Conditions { get; } = [AudioPerturbation.Normal, AudioPerturbation.Mute, "wgn-10", "wgn-40"];

    /// <summary>Evaluates <paramref name="context"/> on test (normal, mute, wgn-10, wgn-40) and test-counter.</summary>
    /// <param name="context">The run.</param>
    /// <param name="name">Its name in the table.</param>
    /// <param name="onCondition">Gets (condition, scores) as each finishes (progress).</param>
    /// <param name="onTestFrame">Gets (condition, test row, probabilities) for every test frame (for figures).</param>
    public static PreferenceRow Score(
        EvaluationContext context, string name, Action<string, SegmentationScores>? onCondition = null, Action<string, int, float[]>? onTestFrame = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scores = new Dictionary<string, SegmentationScores>(StringComparer.Ordinal);
        foreach (var condition in Conditions)
        {
            scores[condition] = context.Evaluate("test", condition, onTestFrame is null ? null : (row, probs) => onTestFrame(condition, row, probs));
            onCondition?.Invoke(condition, scores[condition]);
        }

        var counter = context.Evaluate("test-counter");
        onCondition?.Invoke("test-counter", counter);
        var normal = scores[AudioPerturbation.Normal];
        ConditionScores Perturbed(string c) => new(
            scores[c].MIoU, scores[c].FScore, PreferenceMeasures.Delta(normal.MIoU, scores[c].MIoU), PreferenceMeasures.Delta(normal.FScore, scores[c].FScore));
        var isTeso = context.Config.Kind == "teso";
        return new PreferenceRow(
            name, context.Config.Kind, new ConditionScores(normal.MIoU, normal.FScore), Perturbed(AudioPerturbation.Mute), Perturbed("wgn-10"), Perturbed("wgn-40"),
            scores[AudioPerturbation.Mute].NullS, new ConditionScores(counter.MIoU, counter.FScore), isTeso ? context.Config.Cues : null,
            isTeso && context.Config.Training.DynamicMask, isTeso ? context.Config.Training.InfoNceWeight : 0, context.Config.Training.Seed,
            normal.KeptCueFraction, scores[AudioPerturbation.Mute].KeptCueFraction, RunRecipe.Describe(context.Config));
    }
}

namespace SegPref.Models.Segmentation.Training;

/// <summary>
/// Named training recipes (<c>segpref train --recipe NAME</c>), so that a result is reproduced by a name rather than a
/// list of switches; any switch given explicitly overrides the recipe's value. The recipe's shared settings (epochs,
/// batch, learning rate, flips) apply to the audio-only baseline too, so both models train on exactly the same data and
/// augmentations; its TeSO switches do not apply to the baseline.
/// </summary>
public static class SegmentationRecipes
{
    /// <summary>The paper's recipe: the dynamic mask from the mean attention logit, InfoNCE 0.1, nothing of ours.</summary>
    public const string Paper = "paper";

    /// <summary>
    /// The served recipe: the paper's rule, with the mean attention logit trained as a cue-audio relevance by the
    /// cue-relevance loss, the open cue with the frame's pooled visual features (for a sounding object the description
    /// does not name), and the baseline's audio tokens as extra decoder prompts (docs/teso-training.md).
    /// </summary>
    public const string Served = "served";

    /// <summary>The recipe names.</summary>
    public static IReadOnlyList<string> Names { get; } = [Served, Paper];

    /// <summary>The options of <paramref name="name"/> for <paramref name="kind"/> ("teso" or "audio-only").</summary>
    /// <exception cref="ArgumentException">Unknown recipe.</exception>
    public static SegmentationTrainingOptions For(string name, string kind)
    {
        var shared = new SegmentationTrainingOptions { Epochs = 14 };
        var teso = name switch
        {
            Paper => shared,
            Served => shared with { CueWeight = 1.0, OpenCue = true, VisualOpenCue = true, AudioPrompts = true },
            _ => throw new ArgumentException($"Unknown recipe '{name}' (expected {string.Join(" or ", Names)}).", nameof(name)),
        };
        return kind == "teso" ? teso : shared;
    }
}

namespace SegPref.Models.Segmentation.Training;

/// <summary>Official binary metrics of a segmenter on one split and audio condition, plus TeSO's gate statistics and the audio reliance.</summary>
/// <param name="MIoU">Mean Jaccard (official, one clip per batch).</param>
/// <param name="FScore">F-score (beta^2 = 0.3, official).</param>
/// <param name="NullS">Null S: sqrt(foreground pixels / pixels) over every frame.</param>
/// <param name="Frames">Frames scored.</param>
/// <param name="KeptCueFraction">TeSO: valid cues that survived the dynamic mask (null for the baseline).</param>
/// <param name="SilentFrameFraction">TeSO: frames declared silent (no cue survived; null for the baseline).</param>
public sealed record SegmentationScores(double MIoU, double FScore, double NullS, int Frames, double? KeptCueFraction, double? SilentFrameFraction)
{
    /// <summary>
    /// Per-frame audio reliance in split order (SegPref.Media.Masks.AudioReliance: TeSO's audio support, or the
    /// baseline's share of mask mass that vanishes under silent audio); null when not computed.
    /// </summary>
    public IReadOnlyList<double>? Reliance { get; init; }

    /// <summary>Mean of <see cref="Reliance"/> (null when not computed).</summary>
    public double? MeanReliance => Reliance is { Count: > 0 } r ? r.Average() : null;
}

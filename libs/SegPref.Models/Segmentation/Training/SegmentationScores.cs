namespace SegPref.Models.Segmentation.Training;

/// <summary>Official binary metrics of a segmenter on one split and audio condition, plus TeSO's gate statistics.</summary>
/// <param name="MIoU">Mean Jaccard (official, one clip per batch).</param>
/// <param name="FScore">F-score (beta^2 = 0.3, official).</param>
/// <param name="NullS">Null S: sqrt(foreground pixels / pixels) over every frame.</param>
/// <param name="Frames">Frames scored.</param>
/// <param name="KeptCueFraction">TeSO: valid cues that survived the dynamic mask (null for the baseline).</param>
/// <param name="SilentFrameFraction">TeSO: frames declared silent (no cue survived; null for the baseline).</param>
public sealed record SegmentationScores(double MIoU, double FScore, double NullS, int Frames, double? KeptCueFraction, double? SilentFrameFraction);

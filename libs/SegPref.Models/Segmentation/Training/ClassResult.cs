namespace SegPref.Models.Segmentation.Training;

/// <summary>One class of a <see cref="ClassBreakdown"/>.</summary>
/// <param name="Class">Class name.</param>
/// <param name="SoundingFrames">Frames in which the class sounds.</param>
/// <param name="SoundingJ">Mean official per-frame Jaccard of the whole predicted mask over those frames (null when none).</param>
/// <param name="BlankFraction">Share of those frames with nothing painted (null when none).</param>
/// <param name="SilentFrames">Frames in which the class is visible but silent.</param>
/// <param name="SilentPaint">Mean share of its box (outside sounding objects) painted in those frames (null when none).</param>
public sealed record ClassResult(string Class, int SoundingFrames, double? SoundingJ, double? BlankFraction, int SilentFrames, double? SilentPaint);

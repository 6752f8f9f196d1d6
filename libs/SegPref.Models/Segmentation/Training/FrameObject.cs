namespace SegPref.Models.Segmentation.Training;

/// <summary>One object of a frame, from AVS-Synth's synth.json, with its box scaled to the split's mask side.</summary>
/// <param name="Kind">Class name (an AVSS class, or a distractor kind such as chair).</param>
/// <param name="Sounding">Whether it makes sound in this frame.</param>
/// <param name="Distractor">True for kinds that never sound.</param>
/// <param name="X">Left edge in mask pixels.</param>
/// <param name="Y">Top edge in mask pixels.</param>
/// <param name="Width">Box width in mask pixels.</param>
/// <param name="Height">Box height in mask pixels.</param>
public sealed record FrameObject(string Kind, bool Sounding, bool Distractor, int X, int Y, int Width, int Height);

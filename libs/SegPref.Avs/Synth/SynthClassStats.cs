namespace SegPref.Avs.Synth;

/// <summary>How often one class is seen and heard in a split.</summary>
/// <param name="Class">Class name (or distractor kind).</param>
/// <param name="VisibleObjectFrames">Visible (object, frame) pairs.</param>
/// <param name="SoundingObjectFrames">Of those, the sounding ones.</param>
public sealed record SynthClassStats(string Class, int VisibleObjectFrames, int SoundingObjectFrames)
{
    /// <summary>Measured P(sounding | visible); 0 when the class was never visible.</summary>
    public double SoundingRate => VisibleObjectFrames == 0 ? 0 : (double)SoundingObjectFrames / VisibleObjectFrames;
}

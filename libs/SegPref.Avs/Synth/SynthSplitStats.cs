namespace SegPref.Avs.Synth;

/// <summary>Measured statistics of one AVS-Synth split.</summary>
/// <param name="Split">Split name.</param>
/// <param name="Clips">Clips in metadata.csv for the split.</param>
/// <param name="Frames">Frames over all clips.</param>
/// <param name="FramesWithSound">Frames with at least one sounding object.</param>
/// <param name="Classes">Per class (sound classes and distractor kinds that occur), by name.</param>
public sealed record SynthSplitStats(string Split, int Clips, int Frames, int FramesWithSound, IReadOnlyDictionary<string, SynthClassStats> Classes)
{
    /// <summary>Frames with an off-screen source audible (realistic preset).</summary>
    public int FramesWithOffScreen { get; init; }

    /// <summary>Frames whose only sound is off-screen (no visible object sounds; empty ground truth).</summary>
    public int OffScreenOnlyFrames { get; init; }

    /// <summary>Fraction of frames with at least one sounding object (1 for the standard preset).</summary>
    public double SoundingFrameFraction => Frames == 0 ? 0 : (double)FramesWithSound / Frames;
}

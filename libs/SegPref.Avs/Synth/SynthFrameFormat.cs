namespace SegPref.Avs.Synth;

/// <summary>Image encoding of AVS-Synth frames.</summary>
public enum SynthFrameFormat
{
    /// <summary>JPEG (quality 90), as in the AVSS release.</summary>
    Jpeg,

    /// <summary>Lossless PNG.</summary>
    Png,
}

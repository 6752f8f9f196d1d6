namespace SegPref.Avs.Synth;

/// <summary>A clip's audio and its parts after level setting: mix = sources + noise (all scaled alike).</summary>
/// <param name="Mix">What audio.wav holds, peak at most 0.9.</param>
/// <param name="Sources">The gated sum of the sounding sources.</param>
/// <param name="Noise">The background noise.</param>
/// <param name="SnrDb">The clip's SNR of sources over noise.</param>
internal sealed record SynthMix(float[] Mix, float[] Sources, float[] Noise, double SnrDb);

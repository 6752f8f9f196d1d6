namespace SegPref.Avs.Synth;

/// <summary>A clip's audio and its parts after level setting: mix = sources + off-screen + noise (all scaled alike).</summary>
/// <param name="Mix">What audio.wav holds, peak at most 0.9.</param>
/// <param name="Sources">The gated sum of the sounding visible sources.</param>
/// <param name="OffScreen">The gated off-screen source (zeros when the clip has none).</param>
/// <param name="Noise">The background noise (noise.wav): the standard preset's SNR-relative noise or the realistic noise floor.</param>
/// <param name="NoiseDb">Standard preset: the clip's SNR of sources over noise in dB; realistic: the noise floor's RMS in dBFS.</param>
internal sealed record SynthMix(float[] Mix, float[] Sources, float[] OffScreen, float[] Noise, double NoiseDb);

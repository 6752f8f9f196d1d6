namespace SegPref.Avs.Synth;

/// <summary>A clip's audio and its parts after level setting: mix = sources + off-screen + noise (all scaled alike).</summary>
/// <param name="Mix">What audio.wav holds, peak at most 0.9.</param>
/// <param name="Sources">The gated sum of the sounding visible sources.</param>
/// <param name="OffScreen">The gated off-screen source (zeros when the clip has none).</param>
/// <param name="Noise">The background noise (noise.wav): the standard preset's SNR-relative noise or the realistic noise floor.</param>
/// <param name="NoiseDb">Standard preset: the clip's SNR of sources over noise in dB; realistic: the noise floor's RMS in dBFS.</param>
internal sealed record SynthMix(float[] Mix, float[] Sources, float[] OffScreen, float[] Noise, double NoiseDb)
{
    /// <summary>Per object, per second: the mean power of its gated source in the mix (0 for distractors and silent objects).</summary>
    public required double[][] SourcePower { get; init; }

    /// <summary>Per second: the mean power of the background noise.</summary>
    public required double[] NoisePower { get; init; }

    /// <summary>
    /// The cast as an annotator hears it: object i is sounding in second t only when the plan says so and its power
    /// there exceeds the noise's by at least <paramref name="thresholdDb"/> dB.
    /// </summary>
    public SynthCast Audible(SynthCast cast, double thresholdDb)
    {
        var ratio = Math.Pow(10, thresholdDb / 10);
        var sounding = cast.Sounding
            .Select((frame, t) => frame.Select((s, i) => s && SourcePower[i][t] >= ratio * NoisePower[t]).ToArray())
            .ToArray();
        return cast with { Sounding = sounding };
    }
}

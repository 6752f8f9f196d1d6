namespace SegPref.Avs.Synth;

/// <summary>
/// Mixes a clip's audio: each sound-capable object's source, gated to the seconds (frames) where it sounds, at a
/// per-clip level, plus background noise at a per-clip SNR; scaled down when the peak would exceed 0.9.
/// </summary>
internal static class SynthMixer
{
    public const float MaxPeak = 0.9f;
    private const double SourceRms = 0.08;
    private const double RampSeconds = 0.01;

    public static SynthMix Mix(SynthCast cast, int frames, double minSnrDb, double maxSnrDb, SynthRandom rng)
    {
        var length = frames * SynthDsp.Rate;
        var sources = new float[length];
        for (var i = 0; i < cast.Kinds.Length; i++)
        {
            var gate = Gate(cast, i, frames);
            if (cast.Distractor[i] || !gate.Any(g => g > 0))
            {
                continue;
            }

            var source = new float[length];
            SynthVoices.Render(cast.Kinds[i], source, rng);
            var level = SourceRms * Math.Pow(10, rng.Range(-6, 0) / 20) / Math.Max(1e-9, Rms(source, gate));
            for (var n = 0; n < length; n++)
            {
                sources[n] += (float)(source[n] * gate[n] * level);
            }
        }

        var snrDb = rng.Range(minSnrDb, maxSnrDb);
        var noise = Noise(length, rng);
        var noiseLevel = Rms(sources, null) / Math.Pow(10, snrDb / 20) / Math.Max(1e-9, Rms(noise, null));
        var mix = new float[length];
        for (var n = 0; n < length; n++)
        {
            noise[n] = (float)(noise[n] * noiseLevel);
            mix[n] = sources[n] + noise[n];
        }

        var peak = mix.Length == 0 ? 0 : mix.Max(Math.Abs);
        if (peak > MaxPeak)
        {
            var scale = MaxPeak / peak;
            foreach (var buffer in new[] { mix, sources, noise })
            {
                for (var n = 0; n < length; n++)
                {
                    buffer[n] *= scale;
                }
            }
        }

        return new SynthMix(mix, sources, noise, snrDb);
    }

    // 1 in the seconds where the object sounds, with short linear ramps at the frame boundaries (no clicks).
    private static float[] Gate(SynthCast cast, int index, int frames)
    {
        var gate = new float[frames * SynthDsp.Rate];
        var ramp = SynthDsp.Samples(RampSeconds);
        for (var t = 0; t < frames; t++)
        {
            if (!cast.Sounding[t][index])
            {
                continue;
            }

            var open = t == 0 || !cast.Sounding[t - 1][index];
            var close = t == frames - 1 || !cast.Sounding[t + 1][index];
            for (var n = 0; n < SynthDsp.Rate; n++)
            {
                var up = open ? Math.Min(1f, (n + 1f) / ramp) : 1f;
                var down = close ? Math.Min(1f, (SynthDsp.Rate - n) / (float)ramp) : 1f;
                gate[(t * SynthDsp.Rate) + n] = Math.Min(up, down);
            }
        }

        return gate;
    }

    // Background: white noise plus a low-passed (rumble) part in a random proportion.
    private static float[] Noise(int length, SynthRandom rng)
    {
        var noise = new float[length];
        var lowShare = rng.Range(0, 0.8);
        var a = rng.Range(0.02, 0.1);
        var low = 0.0;
        for (var n = 0; n < length; n++)
        {
            var white = rng.Gaussian();
            low += a * (white - low);
            noise[n] = (float)(((1 - lowShare) * white) + (lowShare * low * 4));
        }

        return noise;
    }

    private static double Rms(float[] x, float[]? weights)
    {
        double sum = 0, count = 0;
        for (var n = 0; n < x.Length; n++)
        {
            var w = weights is null ? 1.0 : weights[n];
            sum += w * x[n] * x[n];
            count += w;
        }

        return count <= 0 ? 0 : Math.Sqrt(sum / count);
    }
}

namespace SegPref.Avs.Synth;

/// <summary>
/// Mixes a clip's audio: each sound-capable object's source, gated to the seconds (frames) where it sounds, at a
/// per-clip level, plus background noise; scaled down when the peak would exceed 0.9. Standard preset: white and
/// rumble noise at a per-clip SNR below the sources. Realistic preset (<see cref="SynthConfig.Realistic"/>): per-source
/// pitch and timbre variation, an off-screen source at a per-clip SNR below the on-screen ones, and a noise floor at an
/// absolute level.
/// </summary>
internal static class SynthMixer
{
    public const float MaxPeak = 0.9f;
    private const double SourceRms = 0.08;
    private const double RampSeconds = 0.01;

    public static SynthMix Mix(SynthCast cast, SynthOffScreen? offScreen, SynthConfig config, SynthRandom rng)
    {
        var frames = cast.Sounding.Length;
        var length = frames * SynthDsp.Rate;
        var realistic = config.NoiseFloorDbfs is not null || config.PitchSpreadSemitones > 0 || config.TimbreVariation;
        var sources = new float[length];
        var sourcePower = new double[cast.Kinds.Length][];
        for (var i = 0; i < cast.Kinds.Length; i++)
        {
            var gate = Gate(t => cast.Sounding[t][i], frames);
            if (cast.Distractor[i] || !gate.Any(g => g > 0))
            {
                continue;
            }

            var source = Render(cast.Kinds[i], length, config, realistic, rng);
            var level = SourceRms * Math.Pow(10, rng.Range(-config.SourceLevelSpreadDb, 0) / 20) / Math.Max(1e-9, Rms(source, gate));
            Add(sources, source, gate, level);
            sourcePower[i] = PowerPerSecond(source, gate, level, frames);
        }

        var offScreenMix = new float[length];
        if (offScreen is not null)
        {
            var gate = Gate(t => offScreen.Sounding[t], frames);
            var source = Render(offScreen.Kind, length, config, realistic, rng);
            var snrDb = rng.Range(config.OffScreenSnrDb[0], config.OffScreenSnrDb[1]);
            Add(offScreenMix, source, gate, SourceRms * Math.Pow(10, -snrDb / 20) / Math.Max(1e-9, Rms(source, gate)));
        }

        double clipSnrDb;
        float[] noise;
        if (config.NoiseFloorDbfs is { } floor)
        {
            clipSnrDb = rng.Range(floor[0], floor[1]);
            noise = SynthNoiseFloor.Render(rng.Pick(SynthNoiseFloor.Kinds), length, clipSnrDb, rng);
        }
        else
        {
            clipSnrDb = rng.Range(config.MinSnrDb, config.MaxSnrDb);
            noise = Noise(length, rng);
            var noiseLevel = Rms(sources, null) / Math.Pow(10, clipSnrDb / 20) / Math.Max(1e-9, Rms(noise, null));
            for (var n = 0; n < length; n++)
            {
                noise[n] = (float)(noise[n] * noiseLevel);
            }
        }

        var mix = new float[length];
        for (var n = 0; n < length; n++)
        {
            mix[n] = sources[n] + offScreenMix[n] + noise[n];
        }

        var peak = mix.Length == 0 ? 0 : mix.Max(Math.Abs);
        if (peak > MaxPeak)
        {
            var scale = MaxPeak / peak;
            foreach (var buffer in new[] { mix, sources, offScreenMix, noise })
            {
                for (var n = 0; n < length; n++)
                {
                    buffer[n] *= scale;
                }
            }

            foreach (var power in sourcePower.Where(p => p is not null))
            {
                for (var t = 0; t < frames; t++)
                {
                    power![t] *= (double)scale * scale;
                }
            }
        }

        var noisePower = PowerPerSecond(noise, null, 1, frames);
        return new SynthMix(mix, sources, offScreenMix, noise, clipSnrDb)
        {
            SourcePower = sourcePower.Select(p => p ?? new double[frames]).ToArray(),
            NoisePower = noisePower,
        };
    }

    private static float[] Render(string kind, int length, SynthConfig config, bool realistic, SynthRandom rng)
    {
        if (realistic)
        {
            return SynthTimbre.Render(kind, length, config, rng);
        }

        var source = new float[length];
        SynthVoices.Render(kind, source, rng);
        return source;
    }

    private static void Add(float[] into, float[] source, float[] gate, double level)
    {
        for (var n = 0; n < into.Length; n++)
        {
            into[n] += (float)(source[n] * gate[n] * level);
        }
    }

    // 1 in the seconds where the object sounds, with short linear ramps at the frame boundaries (no clicks).
    private static float[] Gate(Func<int, bool> sounding, int frames)
    {
        var gate = new float[frames * SynthDsp.Rate];
        var ramp = SynthDsp.Samples(RampSeconds);
        for (var t = 0; t < frames; t++)
        {
            if (!sounding(t))
            {
                continue;
            }

            var open = t == 0 || !sounding(t - 1);
            var close = t == frames - 1 || !sounding(t + 1);
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

    // Mean power of source x gate x level (or of x alone without a gate) in each second.
    private static double[] PowerPerSecond(float[] source, float[]? gate, double level, int frames)
    {
        var power = new double[frames];
        for (var t = 0; t < frames; t++)
        {
            double sum = 0;
            for (var n = t * SynthDsp.Rate; n < (t + 1) * SynthDsp.Rate; n++)
            {
                var x = source[n] * (gate is null ? 1.0 : gate[n]) * level;
                sum += x * x;
            }

            power[t] = sum / SynthDsp.Rate;
        }

        return power;
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

namespace SegPref.Avs.Synth;

/// <summary>The realistic preset's background: a noise floor at an absolute level, whatever the sources do.</summary>
internal static class SynthNoiseFloor
{
    /// <summary>The kinds of floor, drawn uniformly per clip.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["pink", "brown", "room"];

    /// <summary><paramref name="length"/> samples of <paramref name="kind"/> noise with an RMS of <paramref name="rmsDbfs"/> dBFS.</summary>
    public static float[] Render(string kind, int length, double rmsDbfs, SynthRandom rng)
    {
        var noise = kind switch
        {
            "pink" => Pink(length, rng),
            "brown" => Brown(length, rng),
            "room" => Room(length, rng),
            _ => throw new ArgumentException($"Unknown noise-floor kind '{kind}'.", nameof(kind)),
        };
        var rms = Math.Sqrt(noise.Sum(x => (double)x * x) / Math.Max(1, length));
        var scale = rms > 0 ? Math.Pow(10, rmsDbfs / 20) / rms : 0;
        for (var n = 0; n < length; n++)
        {
            noise[n] = (float)(noise[n] * scale);
        }

        return noise;
    }

    // Paul Kellet's economy pink filter: white noise through three one-pole sections (within 0.5 dB of -3 dB/octave above ~40 Hz at 16 kHz).
    private static float[] Pink(int length, SynthRandom rng)
    {
        var x = new float[length];
        double b0 = 0, b1 = 0, b2 = 0;
        for (var n = 0; n < length; n++)
        {
            var white = rng.Gaussian();
            b0 = (0.99765 * b0) + (white * 0.0990460);
            b1 = (0.96300 * b1) + (white * 0.2965164);
            b2 = (0.57000 * b2) + (white * 1.0526913);
            x[n] = (float)(b0 + b1 + b2 + (white * 0.1848));
        }

        return x;
    }

    // Leaky integration of white noise (-6 dB/octave), DC-free.
    private static float[] Brown(int length, SynthRandom rng)
    {
        var x = new float[length];
        double y = 0;
        for (var n = 0; n < length; n++)
        {
            y = (0.995 * y) + (0.1 * rng.Gaussian());
            x[n] = (float)y;
        }

        return x;
    }

    // Room tone: brown rumble, mains hum (50 or 60 Hz with a few harmonics) and a little white hiss.
    private static float[] Room(int length, SynthRandom rng)
    {
        var rumble = Brown(length, rng);
        var mainsHz = rng.Chance(0.5) ? 50.0 : 60.0;
        var hum = rng.Range(0.2, 0.6);
        var hiss = rng.Range(0.05, 0.2);
        var rumbleRms = Math.Sqrt(rumble.Sum(v => (double)v * v) / Math.Max(1, length));
        for (var n = 0; n < length; n++)
        {
            var t = n / (double)SynthDsp.Rate;
            var mains = (SynthDsp.Sin(mainsHz * t) + (0.5 * SynthDsp.Sin(2 * mainsHz * t)) + (0.25 * SynthDsp.Sin(3 * mainsHz * t))) / 1.75;
            rumble[n] = (float)((rumble[n] / Math.Max(1e-12, rumbleRms)) + (hum * 1.4 * mains) + (hiss * rng.Gaussian()));
        }

        return rumble;
    }
}

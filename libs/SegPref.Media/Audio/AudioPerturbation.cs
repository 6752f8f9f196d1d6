using System.Globalization;

namespace SegPref.Media.Audio;

/// <summary>
/// Evaluation-time audio perturbations of the preference benchmark: muted audio and white Gaussian noise at a
/// given SNR. Applied to a waveform before the log-mel front end; never stored.
/// </summary>
public static class AudioPerturbation
{
    /// <summary>The unchanged clip.</summary>
    public const string Normal = "normal";

    /// <summary>All samples zero.</summary>
    public const string Mute = "mute";

    /// <summary>Digital silence with +-1 LSB (16-bit) TPDF dither: what a quiet, dithered 16-bit recording chain delivers.</summary>
    public const string Dither = "dither";

    /// <summary>Prefix of the white-noise kinds: "wgn-10" adds noise at -10 dB SNR, "wgn-40" at -40 dB.</summary>
    public const string WhiteNoisePrefix = "wgn-";

    /// <summary>
    /// Applies <paramref name="kind"/>: "normal" (the same clip), "mute" (zeros) or "wgn-N" (white Gaussian noise at
    /// -N dB SNR, e.g. wgn-10, wgn-40, seeded by <paramref name="seed"/>).
    /// </summary>
    /// <exception cref="ArgumentException">Unknown kind.</exception>
    public static AudioClip Apply(AudioClip clip, string kind, int seed)
    {
        ArgumentNullException.ThrowIfNull(clip);
        ArgumentNullException.ThrowIfNull(kind);
        if (kind == Normal)
        {
            return clip;
        }

        if (kind == Mute)
        {
            return Muted(clip);
        }

        if (kind == Dither)
        {
            return DitheredSilence(clip, seed);
        }

        if (kind.StartsWith(WhiteNoisePrefix, StringComparison.Ordinal)
            && double.TryParse(kind.AsSpan(WhiteNoisePrefix.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out var attenuationDb)
            && double.IsFinite(attenuationDb) && attenuationDb >= 0)
        {
            return WhiteNoise(clip, -attenuationDb, seed);
        }

        throw new ArgumentException($"Unknown audio perturbation '{kind}'; expected normal, mute, dither or wgn-N (e.g. wgn-10, wgn-40).", nameof(kind));
    }

    /// <summary>A clip of the same length and rate whose samples are all zero.</summary>
    public static AudioClip Muted(AudioClip clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        return clip with { Samples = new float[clip.Samples.Length] };
    }

    /// <summary>
    /// Silence of the clip's length and rate through a 16-bit quantiser with TPDF dither of +-1 LSB: each sample is
    /// round(u1 - u2) / 32768 with u1, u2 uniform in [0, 1), so it is -1, 0 or +1 LSB (1/8, 3/4, 1/8).
    /// </summary>
    public static AudioClip DitheredSilence(AudioClip clip, int seed)
    {
        ArgumentNullException.ThrowIfNull(clip);
        const float Lsb = 1f / 32768;
        var random = new Random(seed);
        var samples = new float[clip.Samples.Length];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)Math.Round(random.NextDouble() - random.NextDouble(), MidpointRounding.ToEven) * Lsb;
        }

        return clip with { Samples = samples };
    }

    /// <summary>
    /// Adds white Gaussian noise whose power is the clip's mean signal power divided by 10^(snrDb/10). Samples are
    /// not clipped to [-1, 1] (the log-mel front end does not need it, and clipping would change the SNR). A silent
    /// clip has no reference power and is returned unchanged.
    /// </summary>
    public static AudioClip WhiteNoise(AudioClip clip, double snrDb, int seed)
    {
        ArgumentNullException.ThrowIfNull(clip);
        if (!double.IsFinite(snrDb))
        {
            throw new ArgumentException($"SNR must be finite, got {snrDb}.", nameof(snrDb));
        }

        var sigma = Math.Sqrt(MeanPower(clip.Samples) / Math.Pow(10, snrDb / 10));
        var noisy = GaussianNoise(clip.Samples.Length, sigma, seed);
        for (var i = 0; i < noisy.Length; i++)
        {
            noisy[i] += clip.Samples[i];
        }

        return clip with { Samples = noisy };
    }

    /// <summary><paramref name="length"/> samples of zero-mean Gaussian noise with standard deviation <paramref name="sigma"/>.</summary>
    public static float[] GaussianNoise(int length, double sigma, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfNegative(sigma);
        var random = new Random(seed);
        var noise = new float[length];
        for (var i = 0; i < length; i++)
        {
            noise[i] = (float)(sigma * Gaussian(random));
        }

        return noise;
    }

    /// <summary>Mean of the squared samples (0 for an empty clip).</summary>
    public static double MeanPower(ReadOnlySpan<float> samples)
    {
        var sum = 0.0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }

        return samples.Length == 0 ? 0 : sum / samples.Length;
    }

    // Box-Muller; 1 - NextDouble() is in (0, 1], so the log is finite.
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

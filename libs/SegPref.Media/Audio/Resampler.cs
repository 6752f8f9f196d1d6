using System.Numerics;

namespace SegPref.Media.Audio;

/// <summary>
/// Band-limited sample-rate conversion by Kaiser-windowed sinc interpolation, evaluated as a polyphase
/// filter bank (one tap set per distinct fractional input position).
/// </summary>
/// <remarks>
/// The low-pass cutoff is <see cref="Rolloff"/> × min(source, target) / 2, so content above the lower
/// Nyquist frequency is removed before it can alias; the window keeps about 86 dB of stopband
/// attenuation. Samples outside the clip are taken as zero, so the first and last ~64 zero crossings
/// of output see a partial filter. Work is about 135 multiply-adds per input sample whatever the ratio, and the
/// tap tables stay under 16 MB; a decimation ratio over <see cref="MaxDecimation"/> is refused, because one tap set
/// grows with the ratio (a WAV declaring 2,147,483,647 Hz would need 18 million taps per output sample).
/// </remarks>
public static class Resampler
{
    /// <summary>Cutoff as a fraction of the lower of the two Nyquist frequencies.</summary>
    public const double Rolloff = 0.95;

    /// <summary>Largest source/target rate ratio accepted (384 kHz to 16 kHz is 24).</summary>
    public const int MaxDecimation = 256;

    private const int ZeroCrossings = 64;
    private const double KaiserBeta = 8.6;

    /// <summary>Resamples <paramref name="clip"/> to <paramref name="targetRateHz"/>.</summary>
    /// <returns>
    /// A clip of round(n × target / source) samples; <paramref name="clip"/> itself when the rates already match.
    /// </returns>
    /// <exception cref="ArgumentException">A non-positive source rate, or one over <see cref="MaxDecimation"/> × the target.</exception>
    public static AudioClip Resample(AudioClip clip, int targetRateHz)
    {
        ArgumentNullException.ThrowIfNull(clip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetRateHz);
        if (clip.SampleRateHz <= 0)
        {
            throw new ArgumentException($"Clip sample rate must be positive, got {clip.SampleRateHz} Hz.", nameof(clip));
        }

        if (clip.SampleRateHz == targetRateHz)
        {
            return clip;
        }

        if (clip.SampleRateHz > (long)targetRateHz * MaxDecimation)
        {
            throw new ArgumentException(
                $"Resampling {clip.SampleRateHz} Hz to {targetRateHz} Hz is a ratio over {MaxDecimation}; such a rate is not real audio.", nameof(clip));
        }

        var kernel = new KaiserSincKernel(Rolloff * Math.Min(1.0, (double)targetRateHz / clip.SampleRateHz), ZeroCrossings, KaiserBeta);
        return new AudioClip(new PolyphaseFilter(clip.SampleRateHz, targetRateHz, kernel).Apply(clip.Samples), targetRateHz);
    }

    /// <summary>Output length round(n × target / source), rounding halves up.</summary>
    internal static int OutputLength(int inputLength, int sourceRateHz, int targetRateHz)
    {
        var length = ((inputLength * (long)targetRateHz) + (sourceRateHz / 2)) / sourceRateHz;
        return length <= int.MaxValue
            ? (int)length
            : throw new ArgumentException($"Resampled length {length} exceeds the largest array.", nameof(inputLength));
    }

    internal static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var acc = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            acc += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }

        var sum = Vector.Sum(acc);
        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}

namespace SegPref.Media.Audio;

/// <summary>
/// The VGGish log-mel front end (torchvggish vggish_input / mel_features): 16 kHz mono, 25 ms periodic-Hann
/// frames every 10 ms, 512-point FFT magnitude, 64 HTK-mel bands over 125-7500 Hz, log(mel + 0.01), then
/// non-overlapping 0.96 s examples of 96 × 64.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static partial class VggishLogMel
{
    /// <summary>Rate the features are computed at; other rates are resampled first.</summary>
    public const int SampleRateHz = 16000;

    /// <summary>Frame length: 0.025 s at 16 kHz.</summary>
    public const int WindowLength = 400;

    /// <summary>Frame hop: 0.010 s at 16 kHz.</summary>
    public const int HopLength = 160;

    /// <summary>FFT size: the next power of two of <see cref="WindowLength"/>.</summary>
    public const int FftLength = 512;

    /// <summary>Lower edge of the lowest mel band.</summary>
    public const double LowerEdgeHz = 125.0;

    /// <summary>Upper edge of the highest mel band.</summary>
    public const double UpperEdgeHz = 7500.0;

    /// <summary>Added to the mel energies before the log, so silence maps to ln(0.01).</summary>
    public const double LogOffset = 0.01;

    /// <summary>Samples that make exactly one example: 95 hops plus one window (0.975 s).</summary>
    public const int SamplesPerExample = ((LogMelExamples.FrameCount - 1) * HopLength) + WindowLength;

    /// <summary>Most seconds <see cref="ComputeExamples(AudioClip, int)"/> accepts: the output must fit one array.</summary>
    public const int MaxSeconds = int.MaxValue / LogMelExamples.ExampleSize;

    /// <summary>All full examples of <paramref name="clip"/>; a trailing partial second is dropped, as in VGGish.</summary>
    public static LogMelExamples ComputeExamples(AudioClip clip)
    {
        var samples = To16kHz(clip);
        var (frames, frameCount) = LogMelFrames(samples);
        var count = frameCount / LogMelExamples.FrameCount;
        return new LogMelExamples(frames[..(count * LogMelExamples.ExampleSize)], count);
    }

    /// <summary>Exactly <paramref name="seconds"/> examples, one per second, as AVSBench feeds its models.</summary>
    /// <remarks>
    /// Padding rule (AVSBench): a clip that yields fewer than <paramref name="seconds"/> full examples has its
    /// last example repeated until there are <paramref name="seconds"/>. A clip too short for even one example
    /// (under <see cref="SamplesPerExample"/> samples at 16 kHz) is first padded with silence to one example.
    /// A longer clip is cut after <paramref name="seconds"/> examples.
    /// </remarks>
    public static LogMelExamples ComputeExamples(AudioClip clip, int seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(seconds, MaxSeconds);
        var samples = To16kHz(clip);
        var needed = (int)Math.Min(int.MaxValue, ((((long)seconds * LogMelExamples.FrameCount) - 1) * HopLength) + WindowLength);
        if (samples.Length < SamplesPerExample)
        {
            Array.Resize(ref samples, SamplesPerExample);
        }

        var (frames, frameCount) = LogMelFrames(samples.AsSpan(0, Math.Min(samples.Length, needed)));
        var available = Math.Min(seconds, frameCount / LogMelExamples.FrameCount);
        var data = new float[seconds * LogMelExamples.ExampleSize];
        frames.AsSpan(0, available * LogMelExamples.ExampleSize).CopyTo(data);
        var last = data.AsSpan((available - 1) * LogMelExamples.ExampleSize, LogMelExamples.ExampleSize);
        for (var i = available; i < seconds; i++)
        {
            last.CopyTo(data.AsSpan(i * LogMelExamples.ExampleSize));
        }

        return new LogMelExamples(data, seconds);
    }

    private static float[] To16kHz(AudioClip clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        return Resampler.Resample(clip, SampleRateHz).Samples;
    }
}

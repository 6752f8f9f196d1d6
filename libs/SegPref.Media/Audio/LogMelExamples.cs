namespace SegPref.Media.Audio;

/// <summary>
/// VGGish input examples: <see cref="Count"/> patches of <see cref="FrameCount"/> frames (0.96 s) by
/// <see cref="BandCount"/> log-mel bands, row-major [example, frame, band] in <see cref="Data"/>.
/// </summary>
public sealed class LogMelExamples
{
    /// <summary>Frames per example: 96 hops of 10 ms.</summary>
    public const int FrameCount = 96;

    /// <summary>Mel bands per frame.</summary>
    public const int BandCount = 64;

    /// <summary>Floats in one example (96 × 64).</summary>
    public const int ExampleSize = FrameCount * BandCount;

    /// <summary>Wraps <paramref name="data"/> (length count × 96 × 64) without copying.</summary>
    public LogMelExamples(float[] data, int count)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (data.Length != (long)count * ExampleSize)
        {
            throw new ArgumentException($"Expected {count} × {ExampleSize} floats, got {data.Length}.", nameof(data));
        }

        Data = data;
        Count = count;
    }

    /// <summary>Number of examples (seconds).</summary>
    public int Count { get; }

    /// <summary>The log-mel values, shape [Count, 96, 64].</summary>
    public float[] Data { get; }

    /// <summary>One value by example, frame and band.</summary>
    public float this[int example, int frame, int band]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)example, (uint)Count, nameof(example));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)frame, (uint)FrameCount, nameof(frame));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)band, (uint)BandCount, nameof(band));
            return Data[(((example * FrameCount) + frame) * BandCount) + band];
        }
    }

    /// <summary>The 96 × 64 values of one example.</summary>
    public ReadOnlySpan<float> Example(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
        return Data.AsSpan(index * ExampleSize, ExampleSize);
    }
}

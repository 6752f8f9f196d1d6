namespace SegPref.Media.Video;

/// <summary>How a video is cut for segmentation, the way AVSBench preprocesses its clips.</summary>
public sealed record VideoWindowOptions
{
    /// <summary>Square side of the frames, in pixels: the segmenter's own input size.</summary>
    public required int FrameSize { get; init; }

    /// <summary>Frames (= seconds) per window; the last window holds what is left.</summary>
    public int WindowFrames { get; init; } = 5;

    /// <summary>Audio rate of the windows (mono).</summary>
    public int SampleRateHz { get; init; } = 16_000;

    /// <exception cref="ArgumentOutOfRangeException">A size, window or rate out of range.</exception>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(FrameSize, 8, nameof(FrameSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(FrameSize, 4096, nameof(FrameSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(WindowFrames, 1, nameof(WindowFrames));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(WindowFrames, 1024, nameof(WindowFrames));
        ArgumentOutOfRangeException.ThrowIfLessThan(SampleRateHz, 1000, nameof(SampleRateHz));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SampleRateHz, 192_000, nameof(SampleRateHz));
    }
}

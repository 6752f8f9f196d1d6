namespace SegPref.Media.Video;

/// <summary>The video <see cref="ClipVideoWriter"/> makes: H.264 (yuv420p) in MP4, AAC audio.</summary>
public sealed record ClipVideoOptions
{
    /// <summary>Width in pixels (even).</summary>
    public int Width { get; init; } = 640;

    /// <summary>Height in pixels (even).</summary>
    public int Height { get; init; } = 360;

    /// <summary>Output frame rate; each clip frame is held for its second.</summary>
    public int FramesPerSecond { get; init; } = 25;

    /// <summary>False writes a video without an audio stream.</summary>
    public bool IncludeAudio { get; init; } = true;

    /// <exception cref="ArgumentOutOfRangeException">Odd or out-of-range sizes, or a rate out of range.</exception>
    internal void Validate()
    {
        foreach (var (value, name) in new[] { (Width, nameof(Width)), (Height, nameof(Height)) })
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 2, name);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 4096, name);
            if (value % 2 != 0)
            {
                throw new ArgumentOutOfRangeException(name, value, $"{name} must be even (H.264 with 4:2:0 chroma).");
            }
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(FramesPerSecond, 1, nameof(FramesPerSecond));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(FramesPerSecond, 120, nameof(FramesPerSecond));
    }
}

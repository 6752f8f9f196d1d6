using SegPref.Contracts.Common.V1;

namespace SegPref.Cli.Commands.Video;

/// <summary>What `segpref segment --video` was asked to do.</summary>
internal sealed record VideoRunOptions
{
    public required string OutDir { get; init; }

    /// <summary>The segmenter to ask for (null = the pipeline's default).</summary>
    public ModelRef? Segmenter { get; init; }

    /// <summary>Seconds per window (null = the window the pipeline says its models were trained on).</summary>
    public int? WindowFrames { get; init; }

    /// <summary>Windows in flight at once: the next window decodes while the last is segmented.</summary>
    public int Parallel { get; init; } = 2;

    public bool AudioReliance { get; init; } = true;

    public bool Overlay { get; init; } = true;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
}

using System.Diagnostics;
using SegPref.Media.Video;

namespace SegPref.Cli.Commands.Video;

/// <summary>A window sent to the pipeline: where it sits in the video and when it left (its frames are not kept).</summary>
internal sealed record WindowCall(int Index, int StartSecond, int Frames, Stopwatch Watch)
{
    public static WindowCall From(VideoWindow window) => new(window.Index, window.StartSecond, window.Frames.Count, Stopwatch.StartNew());
}

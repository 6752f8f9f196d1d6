using System.Text.Json;

namespace SegPref.Cli.Commands.Video;

/// <summary>The end of timeline.json: how the run went.</summary>
internal sealed record VideoRunSummary(
    int Windows,
    int Seconds,
    int DegradedWindows,
    IReadOnlyList<string> Models,
    double LatencyP50Ms,
    double LatencyMaxMs,
    IReadOnlyDictionary<string, double> StageMeanMs,
    double SegmentSeconds,
    double OverlaySeconds,
    double TotalSeconds)
{
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}

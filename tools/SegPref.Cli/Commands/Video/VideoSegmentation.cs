using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using SegPref.Cli.Infrastructure;
using SegPref.Contracts.Clients;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Media.Video;
using Spectre.Console;

namespace SegPref.Cli.Commands.Video;

/// <summary>
/// `segpref segment --video`: cuts the video the way AVSBench preprocesses (windows of the models' training length, one
/// frame per second at the segmenter's size, 16 kHz mono audio), segments every window through the gateway with a
/// few in flight, writes each second's mask at the video's size and its line of timeline.json as the window comes
/// back, then the overlay video. Memory holds the windows in flight, not the video.
/// </summary>
internal sealed class VideoSegmentation(CliEnvironment env, SegmentClient client, VideoRunOptions options, FfmpegTools tools)
{
    private readonly List<double> _latencies = [];
    private readonly Dictionary<string, double> _stageTotals = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _models = new(StringComparer.Ordinal);
    private int _seconds;
    private int _degraded;

    /// <summary>ffmpeg and the video's streams, checked before any mesh is started for it.</summary>
    public static async Task<(FfmpegTools Tools, VideoInfo Video)> ProbeAsync(string path, CancellationToken ct)
    {
        var tools = FfmpegTools.Locate();
        return (tools, await VideoProbe.ProbeAsync(tools, path, ct));
    }

    public async Task<int> RunAsync(VideoInfo video, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        DescribeResponse described;
        try
        {
            described = await client.DescribeAsync(options.Timeout, ct);
        }
        catch (RpcException ex)
        {
            env.Console.MarkupLineInterpolated($"[red]error:[/] the gateway did not describe its models: {ex.StatusCode}: {ex.Status.Detail}");
            return 1;
        }

        var segmenter = Choose(described);
        var windowFrames = WindowFrames(described);
        var windows = (video.Seconds + windowFrames - 1) / windowFrames;
        env.Console.MarkupLineInterpolated(
            $"{Path.GetFileName(video.Path)}: {video.Width}x{video.Height}, {video.DurationSeconds:0.0} s, {video.VideoCodec}/{video.AudioCodec} -> {windows} window(s) of {windowFrames} s, one frame per second at {segmenter.ImageSize}x{segmenter.ImageSize}, {described.AudioSampleRateHz} Hz mono, for {segmenter.Model.Name}/{segmenter.Model.Version}");

        var masks = Directory.CreateDirectory(Path.Combine(options.OutDir, "masks")).FullName;
        var readerOptions = new VideoWindowOptions { FrameSize = segmenter.ImageSize, WindowFrames = windowFrames, SampleRateHz = described.AudioSampleRateHz };
        await using var timeline = VideoTimelineWriter.Create(Path.Combine(options.OutDir, "timeline.json"), video, segmenter, windowFrames, described.AudioSampleRateHz);
        var segmentWatch = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var inFlight = new Queue<(WindowCall Call, Task<PipelineResponse> Reply)>();
        try
        {
            await using (var reader = VideoWindowReader.Open(tools, video, readerOptions))
            {
                while (await reader.ReadAsync(stop.Token) is { } window)
                {
                    var call = WindowCall.From(window);
                    var request = SegmentClient.BuildRequest(window.EncodeFrames(), window.EncodeWav(), new SegmentClientOptions { AudioReliance = options.AudioReliance, IncludeProbability = true });
                    request.Segmenter = options.Segmenter;
                    inFlight.Enqueue((call, client.SegmentAsync(request, options.Timeout, stop.Token)));
                    if (inFlight.Count >= Math.Max(1, options.Parallel))
                    {
                        await CompleteAsync(inFlight.Dequeue(), video, masks, timeline, windows);
                    }
                }
            }

            while (inFlight.Count > 0)
            {
                await CompleteAsync(inFlight.Dequeue(), video, masks, timeline, windows);
            }
        }
        catch (RpcException ex)
        {
            env.Console.MarkupLineInterpolated($"[red]error:[/] {ex.StatusCode}: {ex.Status.Detail}");
            return 1;
        }
        finally
        {
            // A failure (a refused window, a decoding error) leaves calls in flight: cancel them and let them end.
            if (inFlight.Count > 0)
            {
                await stop.CancelAsync();
                await Task.WhenAll(inFlight.Select(c => c.Reply.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default)));
            }
        }

        var segmentSeconds = segmentWatch.Elapsed.TotalSeconds;
        var overlaySeconds = 0.0;
        if (options.Overlay)
        {
            var overlayWatch = Stopwatch.StartNew();
            var overlay = Path.Combine(options.OutDir, "overlay.mp4");
            env.Console.MarkupLineInterpolated($"writing {overlay} (masks over every frame, original audio)");
            await OverlayVideoWriter.WriteAsync(tools, video, Path.Combine(masks, "%d.png"), overlay, new OverlayStyle(), ct);
            overlaySeconds = overlayWatch.Elapsed.TotalSeconds;
        }

        var summary = Summary(windows, segmentSeconds, overlaySeconds, total.Elapsed.TotalSeconds);
        await timeline.SummaryAsync(summary);
        env.Console.MarkupLineInterpolated(
            $"{_seconds} s of video in {windows} window(s): segmented in {segmentSeconds:0.0} s, overlay in {overlaySeconds:0.0} s, {summary.TotalSeconds:0.0} s in all ({video.DurationSeconds / summary.TotalSeconds:0.0}x real time); per window p50 {summary.LatencyP50Ms:0} ms");
        env.Console.MarkupLineInterpolated($"wrote masks/, timeline.json{(options.Overlay ? " and overlay.mp4" : string.Empty)} to {options.OutDir}");
        return 0;
    }

    private SegmenterDescription Choose(DescribeResponse described)
    {
        var wanted = options.Segmenter;
        var candidates = described.Segmenters.Where(s => wanted is null
            ? s.IsDefault
            : s.Model.Name == wanted.Name && (wanted.Version.Length == 0 || s.Model.Version == wanted.Version));

        // The highest version when none is named, as the pipeline itself resolves it.
        return candidates.OrderByDescending(s => int.TryParse(s.Model.Version, out var v) ? v : -1).FirstOrDefault()
            ?? throw new ArgumentException($"--segmenter {wanted!.Name}{(wanted.Version.Length > 0 ? "/" + wanted.Version : string.Empty)} is not served by this gateway; served: {string.Join(", ", described.Segmenters.Select(s => $"{s.Model.Name}/{s.Model.Version}"))}.");
    }

    private int WindowFrames(DescribeResponse described)
    {
        var frames = options.WindowFrames ?? described.WindowFrames;
        var limit = (int)Math.Min(described.MaxFrames, Math.Floor(described.MaxAudioSeconds));
        return frames >= 1 && frames <= limit
            ? frames
            : throw new ArgumentException($"--window {frames}: a window must hold 1 to {limit} seconds here (the gateway's Limits:MaxFrames {described.MaxFrames}, Limits:MaxAudioSeconds {described.MaxAudioSeconds}).");
    }

    private async Task CompleteAsync((WindowCall Call, Task<PipelineResponse> Reply) pending, VideoInfo video, string masks, VideoTimelineWriter timeline, int windows)
    {
        var (call, replyTask) = pending;
        var reply = await replyTask;
        _latencies.Add(call.Watch.Elapsed.TotalMilliseconds);
        foreach (var timing in reply.Timings)
        {
            _stageTotals[timing.Stage] = _stageTotals.GetValueOrDefault(timing.Stage) + timing.Milliseconds;
        }

        foreach (var model in reply.Models)
        {
            _models.Add($"{model.Role}={model.Name}/{model.Version}");
        }

        _degraded += reply.Degraded ? 1 : 0;
        var areas = new List<double>();
        foreach (var frame in reply.Frames.OrderBy(f => f.Index))
        {
            var second = call.StartSecond + frame.Index;
            var mask = VideoMasks.AtVideoSize(frame.Mask, video.Width, video.Height, $"mask of second {second}");
            mask.Save(Path.Combine(masks, $"{second}.png"));
            var pixels = mask.ForegroundCount;
            var area = (double)pixels / (video.Width * video.Height);
            areas.Add(area);
            await timeline.SecondAsync(call.Index, second, video.DurationSeconds, frame, pixels, area, reply.Degraded);
        }

        _seconds += reply.Frames.Count;
        var reliance = reply.Frames.Where(f => f.HasAudioReliance).Select(f => (double)f.AudioReliance).ToList();
        env.Console.MarkupLineInterpolated(
            $"[[{call.Index + 1}/{windows}]] {call.StartSecond}-{call.StartSecond + call.Frames} s: {_latencies[^1]:0} ms, mask area {areas.Average():P1}{(reliance.Count > 0 ? $", audio reliance {string.Join(' ', reliance.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))}" : string.Empty)}");
        if (reply.Degraded)
        {
            env.Console.MarkupLineInterpolated($"[yellow]degraded:[/] {reply.DegradedReason}");
        }
    }

    private VideoRunSummary Summary(int windows, double segmentSeconds, double overlaySeconds, double totalSeconds)
    {
        var sorted = _latencies.Order().ToArray();
        return new VideoRunSummary(
            windows,
            _seconds,
            _degraded,
            [.. _models],
            Math.Round(sorted[sorted.Length / 2], 1),
            Math.Round(sorted[^1], 1),
            _stageTotals.ToDictionary(p => p.Key, p => Math.Round(p.Value / windows, 2), StringComparer.Ordinal),
            Math.Round(segmentSeconds, 2),
            Math.Round(overlaySeconds, 2),
            Math.Round(totalSeconds, 2));
    }
}

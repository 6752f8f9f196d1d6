using System.CommandLine;
using System.Diagnostics;
using Grpc.Core;
using SegPref.Cli.Commands.Video;
using SegPref.Cli.Infrastructure;
using SegPref.Contracts.Clients;
using SegPref.Contracts.Common.V1;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Mesh.Launcher;
using Spectre.Console;

namespace SegPref.Cli.Commands;

/// <summary>`segpref segment`: one clip, or a video window by window, through the gateway (or a local mesh it starts).</summary>
internal static class SegmentCommand
{
    public static Command Create(CliEnvironment env)
    {
        var gateway = new Option<string?>("--gateway") { Description = "The gateway, e.g. http://127.0.0.1:8080. Without it, a local mesh is started on the model repository for this command (as `segpref demo` does)." };
        var repo = new Option<string?>("--repo") { Description = "Model repository of the local mesh started without --gateway (default: the committed models/)." };
        var apiKey = new Option<string?>("--api-key") { Description = $"Sent as x-api-key when the gateway requires keys (default: ${ApiKeyVariable})." };
        var clip = new Option<string?>("--clip") { Description = "A clip folder: frames/<i>.png|jpg (or images directly in it) and audio.wav." };
        var frames = new Option<string[]?>("--frames") { Description = "Frame images in order.", AllowMultipleArgumentsPerToken = true };
        var audio = new Option<string?>("--audio") { Description = "The clip's WAV (any rate, any channel count)." };
        var video = new Option<string?>("--video") { Description = "A video file (anything ffmpeg reads, with a video and an audio stream): cut into windows, segmented window by window, written as masks/<second>.png, timeline.json and overlay.mp4." };
        var outDir = new Option<string>("--out") { Description = "Output folder.", Required = true };
        var segmenter = new Option<string?>("--segmenter") { Description = "NAME[/VERSION]: the served segmenter to ask for, e.g. audio-only or teso/8 (default: the gateway's default)." };
        var window = new Option<int?>("--window") { Description = "With --video: seconds per window (default: the window the gateway says its models were trained on, 5 as in AVSBench)." };
        var parallel = new Option<int>("--parallel") { Description = "With --video: windows in flight at once.", DefaultValueFactory = _ => 2 };
        var noOverlay = new Option<bool>("--no-overlay") { Description = "With --video: do not write overlay.mp4." };
        var noReliance = new Option<bool>("--no-reliance") { Description = "Do not ask for the per-frame audio reliance." };
        var probability = new Option<bool>("--probability") { Description = "Also write probability maps." };
        var timeout = new Option<double>("--timeout") { Description = "Call deadline in seconds (per window with --video).", DefaultValueFactory = _ => 60 };
        var repeat = new Option<int>("--repeat") { Description = "Call this many times and report latency percentiles (the last reply is written).", DefaultValueFactory = _ => 1 };
        var command = new Command("segment", "Segment a clip or a video through the gateway (gRPC) and write masks, overlays and result.json (a video: masks/, timeline.json, overlay.mp4).")
        {
            gateway, repo, apiKey, clip, frames, audio, video, outDir, segmenter, window, parallel, noOverlay, noReliance, probability, timeout, repeat,
        };
        command.SetAction((result, ct) => CommandErrors.RunAsync(env, async () =>
        {
            var videoPath = result.GetValue(video);
            if (videoPath is not null && (result.GetValue(clip) is not null || result.GetValue(frames) is { Length: > 0 } || result.GetValue(audio) is not null))
            {
                throw new ArgumentException("Give --video, or --clip, or --frames with --audio: one input at a time.");
            }

            var model = ParseSegmenter(result.GetValue(segmenter));
            var address = result.GetValue(gateway) is { } text ? ParseAddress(text) : null;
            var probed = videoPath is null ? default : await VideoSegmentation.ProbeAsync(videoPath, ct);
            await using var mesh = address is null ? await StartLocalMeshAsync(env, result.GetValue(repo), ct) : null;
            using var client = new SegmentClient(address ?? mesh!.Gateway, apiKey: result.GetValue(apiKey) ?? Environment.GetEnvironmentVariable(ApiKeyVariable));
            var timeoutSpan = TimeSpan.FromSeconds(result.GetValue(timeout));
            if (videoPath is not null)
            {
                return await new VideoSegmentation(env, client, new VideoRunOptions
                {
                    OutDir = result.GetRequiredValue(outDir),
                    Segmenter = model,
                    WindowFrames = result.GetValue(window),
                    Parallel = result.GetValue(parallel),
                    AudioReliance = !result.GetValue(noReliance),
                    Overlay = !result.GetValue(noOverlay),
                    Timeout = timeoutSpan,
                }, probed.Tools).RunAsync(probed.Video, ct);
            }

            var (framePaths, audioPath) = SegmentInputs.Resolve(result.GetValue(clip), result.GetValue(frames), result.GetValue(audio));
            var images = framePaths.Select(File.ReadAllBytes).ToArray();
            var options = new SegmentClientOptions
            {
                AudioReliance = !result.GetValue(noReliance),
                IncludeProbability = result.GetValue(probability),
                Timeout = timeoutSpan,
            };
            var request = SegmentClient.BuildRequest(images, File.ReadAllBytes(audioPath), options);
            request.Segmenter = model;
            if (await CallAsync(env, client, request, options.Timeout, result.GetValue(repeat), ct) is not var (reply, latencies))
            {
                return 1;
            }

            SegmentOutput.Write(result.GetRequiredValue(outDir), images, reply, latencies[^1]);
            Print(env, reply, latencies);
            return 0;
        }));
        return command;
    }

    /// <summary>Environment variable holding the API key when --api-key is not given.</summary>
    public const string ApiKeyVariable = "SEGPREF_API_KEY";

    private static async Task<LocalMesh> StartLocalMeshAsync(CliEnvironment env, string? repo, CancellationToken ct)
    {
        env.Console.MarkupLine("no --gateway: starting a local mesh (four services and the gateway on loopback) for this command");
        var options = new MeshLaunchOptions { ModelRepository = repo ?? DefaultModelRepository.Resolve(), GatewayPort = 0 };
        var mesh = await LocalMesh.StartAsync(options, line => env.Console.MarkupLineInterpolated($"[grey]{line}[/]"), ct);
        env.Console.MarkupLineInterpolated($"local mesh serving; gateway {mesh.Gateway}");
        return mesh;
    }

    /// <summary>NAME[/VERSION] as a model reference; null for none.</summary>
    internal static ModelRef? ParseSegmenter(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split('/', 2, StringSplitOptions.TrimEntries);
        return parts[0].Length > 0 && (parts.Length == 1 || parts[1].Length > 0)
            ? new ModelRef { Name = parts[0], Version = parts.Length == 2 ? parts[1] : string.Empty }
            : throw new ArgumentException($"--segmenter '{text}': give NAME or NAME/VERSION, e.g. audio-only or teso/8.");
    }

    private static Uri ParseAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ArgumentException($"--gateway must be an http:// or https:// address, got '{text}'.");

    /// <summary>Calls the pipeline <paramref name="calls"/> times (at least once); null after printing the status of a failed call.</summary>
    internal static async Task<(PipelineResponse Reply, List<double> Latencies)?> CallAsync(
        CliEnvironment env, SegmentClient client, PipelineRequest request, TimeSpan timeout, int calls, CancellationToken ct)
    {
        var latencies = new List<double>();
        PipelineResponse? reply = null;
        try
        {
            for (var i = 0; i < Math.Max(1, calls); i++)
            {
                var watch = Stopwatch.StartNew();
                reply = await client.SegmentAsync(request, timeout, ct);
                latencies.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        catch (RpcException ex)
        {
            env.Console.MarkupLineInterpolated($"[red]error:[/] {ex.StatusCode}: {ex.Status.Detail}");
            return null;
        }

        return (reply!, latencies);
    }

    internal static void Print(CliEnvironment env, PipelineResponse reply, List<double> latencies)
    {
        var table = new Table().AddColumn("frame").AddColumn("description").AddColumn("cues").AddColumn("area").AddColumn("audio reliance");
        foreach (var f in reply.Frames)
        {
            table.AddRow(
                f.Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(f.Description),
                Markup.Escape(string.Join(", ", f.Cues)),
                f.Mask.Area.ToString(System.Globalization.CultureInfo.InvariantCulture),
                f.HasAudioReliance ? f.AudioReliance.ToString("F3", System.Globalization.CultureInfo.InvariantCulture) : "-");
        }

        env.Console.Write(table);
        env.Console.MarkupLineInterpolated($"stages (ms): {string.Join(", ", reply.Timings.Select(t => $"{t.Stage} {t.Milliseconds:F1}"))}");
        if (reply.Degraded)
        {
            env.Console.MarkupLineInterpolated($"[yellow]degraded:[/] {reply.DegradedReason}");
        }

        var sorted = latencies.Order().ToArray();
        env.Console.MarkupLineInterpolated($"latency through the gateway over {sorted.Length} call(s): p50 {sorted[sorted.Length / 2]:F1} ms, max {sorted[^1]:F1} ms");
    }
}

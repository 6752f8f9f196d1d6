using System.CommandLine;
using System.Diagnostics;
using Grpc.Core;
using SegPref.Cli.Infrastructure;
using SegPref.Contracts.Clients;
using SegPref.Contracts.Segmentation.V1;
using Spectre.Console;

namespace SegPref.Cli.Commands;

/// <summary>`segpref segment`: one clip through the gateway; writes masks, overlays and result.json.</summary>
internal static class SegmentCommand
{
    public static Command Create(CliEnvironment env)
    {
        var gateway = new Option<string>("--gateway") { Description = "The gateway, e.g. http://127.0.0.1:8080.", Required = true };
        var clip = new Option<string?>("--clip") { Description = "A clip folder: frames/<i>.png|jpg (or images directly in it) and audio.wav." };
        var frames = new Option<string[]?>("--frames") { Description = "Frame images in order.", AllowMultipleArgumentsPerToken = true };
        var audio = new Option<string?>("--audio") { Description = "The clip's WAV (any rate, any channel count)." };
        var outDir = new Option<string>("--out") { Description = "Output folder.", Required = true };
        var noReliance = new Option<bool>("--no-reliance") { Description = "Do not ask for the per-frame audio reliance." };
        var probability = new Option<bool>("--probability") { Description = "Also write probability maps." };
        var timeout = new Option<double>("--timeout") { Description = "Call deadline in seconds.", DefaultValueFactory = _ => 60 };
        var repeat = new Option<int>("--repeat") { Description = "Call this many times and report latency percentiles (the last reply is written).", DefaultValueFactory = _ => 1 };
        var command = new Command("segment", "Segment one clip through the gateway (gRPC) and write mask PNGs, overlays and result.json.")
        {
            gateway, clip, frames, audio, outDir, noReliance, probability, timeout, repeat,
        };
        command.SetAction((result, ct) => CommandErrors.RunAsync(env, async () =>
        {
            var (framePaths, audioPath) = SegmentInputs.Resolve(result.GetValue(clip), result.GetValue(frames), result.GetValue(audio));
            var images = framePaths.Select(File.ReadAllBytes).ToArray();
            var options = new SegmentClientOptions
            {
                AudioReliance = !result.GetValue(noReliance),
                IncludeProbability = result.GetValue(probability),
                Timeout = TimeSpan.FromSeconds(result.GetValue(timeout)),
            };
            var request = SegmentClient.BuildRequest(images, File.ReadAllBytes(audioPath), options);
            using var client = new SegmentClient(ParseAddress(result.GetRequiredValue(gateway)));
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

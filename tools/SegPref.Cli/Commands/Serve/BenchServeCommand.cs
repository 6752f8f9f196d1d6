using System.CommandLine;
using System.Globalization;
using SegPref.Cli.Infrastructure;
using SegPref.Contracts.Clients;
using Spectre.Console;

namespace SegPref.Cli.Commands.Serve;

/// <summary>
/// `segpref bench serve`, in the spirit of perf_analyzer: a closed-loop concurrency sweep of Pipeline.Segment on one
/// clip against a gateway (and optionally the segmentation service directly, and a second build), measured side by
/// side in alternating rounds; throughput, p50/p90/p99, errors, the server's queue/compute split per stage, Triton's
/// batching ratios from /metrics, the in-process limit, a table, JSON and a latency-vs-throughput PNG.
/// </summary>
internal static class BenchServeCommand
{
    public static Command Create(CliEnvironment env)
    {
        var gateway = new Option<string>("--gateway") { Description = "The gateway to load, e.g. http://127.0.0.1:8080.", Required = true };
        var label = new Option<string>("--label") { Description = "Name of --gateway in the report.", DefaultValueFactory = _ => "gateway" };
        var direct = new Option<string?>("--direct") { Description = "Also load the segmentation service directly (its address), to show what the gateway adds." };
        var compare = new Option<string[]>("--compare") { Description = "More gateways (another build, e.g. the previous revision's `segpref mesh up`, or another configuration), measured in the same rounds.", AllowMultipleArgumentsPerToken = true };
        var compareLabel = new Option<string[]>("--compare-label") { Description = "Names of the --compare gateways in the report, in order.", AllowMultipleArgumentsPerToken = true };
        var metrics = new Option<string[]>("--metrics") { Description = "Prometheus endpoints of --gateway's services (http://host:port/metrics), read for Triton's batching ratios.", AllowMultipleArgumentsPerToken = true };
        var concurrency = new Option<string>("--concurrency") { Description = "Concurrency levels, comma-separated.", DefaultValueFactory = _ => "1,2,4,8,16" };
        var duration = new Option<double>("--duration") { Description = "Seconds measured per level and target (split over the rounds).", DefaultValueFactory = _ => 30 };
        var rounds = new Option<int>("--rounds") { Description = "Alternating rounds per level (targets take turns, the order flips each round).", DefaultValueFactory = _ => 2 };
        var clip = new Option<string>("--clip") { Description = "A clip folder: frames/<i>.png and audio.wav.", Required = true };
        var noReliance = new Option<bool>("--no-reliance") { Description = "Do not ask for audio reliance." };
        var inProcess = new Option<string?>("--in-process") { Description = "Model repository for the in-process limit (the whole per-clip work in this process, best batch size)." };
        var outDir = new Option<string?>("--out") { Description = "Folder for serve.json and serve.png." };
        var command = new Command("serve", "Load Pipeline.Segment through the gateway at several concurrencies (perf_analyzer-style) and report throughput, latency percentiles, the server-side split and the in-process limit.")
        {
            gateway, label, direct, compare, compareLabel, metrics, concurrency, duration, rounds, clip, noReliance, inProcess, outDir,
        };
        command.SetAction((result, ct) => CommandErrors.RunAsync(env, async () =>
        {
            var targets = new List<ServeTarget> { new(result.GetRequiredValue(label), Address(result.GetRequiredValue(gateway), "--gateway"), [.. (result.GetValue(metrics) ?? []).Select(m => Address(m, "--metrics"))]) };
            var others = result.GetValue(compare) ?? [];
            var names = result.GetValue(compareLabel) ?? [];
            for (var i = 0; i < others.Length; i++)
            {
                targets.Add(new ServeTarget(i < names.Length ? names[i] : $"compare{i + 1}", Address(others[i], "--compare"), []));
            }

            if (result.GetValue(direct) is { } segmentation)
            {
                targets.Add(new ServeTarget("direct", Address(segmentation, "--direct"), []));
            }

            var levels = result.GetRequiredValue(concurrency).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
            if (levels.Length == 0 || levels.Any(c => c < 1) || result.GetValue(duration) <= 0 || result.GetValue(rounds) < 1)
            {
                throw new ArgumentException("--concurrency needs positive levels, --duration a positive number of seconds and --rounds at least 1.");
            }

            var (framePaths, audioPath) = SegmentInputs.Resolve(result.GetRequiredValue(clip), null, null);
            var frames = framePaths.Select(File.ReadAllBytes).ToArray();
            var wav = await File.ReadAllBytesAsync(audioPath, ct);
            var request = SegmentClient.BuildRequest(frames, wav, new SegmentClientOptions { AudioReliance = !result.GetValue(noReliance) });
            var report = await ServeSweep.RunAsync(env, targets, request, levels, TimeSpan.FromSeconds(result.GetValue(duration)), result.GetValue(rounds), ct);
            List<(int Batch, int Workers, double ClipsPerSecond)>? limit = null;
            if (result.GetValue(inProcess) is { } repo)
            {
                env.Console.MarkupLine("in-process limit: the whole per-clip work in this process (10 s per batch size and worker count)");
                using var bench = new InProcessLimit(repo);
                limit = await bench.MeasureAsync(frames, wav, [1, 2, 4, 8], [1, 2], TimeSpan.FromSeconds(10), ct);
                env.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"in-process limit measured; load average {ServeSweep.LoadAverage():0.0}");
            }

            ServeReport.Print(env, report, limit);
            if (result.GetValue(outDir) is { } dir)
            {
                ServeReport.Write(dir, report, limit, "segpref " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1).Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a)));
                env.Console.MarkupLineInterpolated($"wrote {Path.Combine(dir, "serve.json")} and {Path.Combine(dir, "serve.png")}");
            }

            return 0;
        }));
        return command;
    }

    private static Uri Address(string text, string option) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ArgumentException($"{option} must be an http:// or https:// address, got '{text}'.");
}

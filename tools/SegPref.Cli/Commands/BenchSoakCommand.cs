using System.CommandLine;
using System.Globalization;
using SegPref.Cli.Bench;
using SegPref.Cli.Infrastructure;
using SegPref.Contracts.Clients;
using SegPref.Mesh.Launcher;
using Spectre.Console;

namespace SegPref.Cli.Commands;

/// <summary>
/// `segpref bench soak`: steady open-loop load through the gateway for a long time; reports errors, latency per
/// minute (drift), and the RSS of every mesh process at the start, after warm-up and at the end.
/// </summary>
internal static class BenchSoakCommand
{
    public static Command Create(CliEnvironment env)
    {
        var gateway = new Option<string>("--gateway") { Description = "The gateway, e.g. http://127.0.0.1:8080.", Required = true };
        var duration = new Option<string>("--duration") { Description = "How long to load, e.g. 10m, 90s.", DefaultValueFactory = _ => "10m" };
        var rate = new Option<double>("--rate") { Description = "Calls per second; 0 measures capacity first (closed loop) and uses --capacity-share of it.", DefaultValueFactory = _ => 0 };
        var share = new Option<double>("--capacity-share") { Description = "Share of the measured capacity to load at when --rate is 0.", DefaultValueFactory = _ => 0.8 };
        var warmup = new Option<string>("--warmup") { Description = "Time after which RSS growth is measured.", DefaultValueFactory = _ => "60s" };
        var options = BenchOptions.Create();
        var command = new Command("soak", "Steady load through the gateway: errors, latency drift, and the RSS of every mesh process at start and end.")
        {
            gateway, duration, rate, share, warmup,
        };
        options.AddTo(command);
        command.SetAction((result, ct) => CommandErrors.RunAsync(env, async () =>
        {
            var address = new Uri(result.GetRequiredValue(gateway));
            var state = MeshState.Read(result.GetValue(options.State) ?? MeshState.DefaultPath(address.Port));
            var request = BenchClip.Request(result.GetValue(options.Clip), !result.GetValue(options.NoReliance));
            var timeout = TimeSpan.FromSeconds(result.GetValue(options.Timeout));
            using var client = new SegmentClient(address, apiKey: result.GetValue(options.ApiKey));
            var callsPerSecond = result.GetValue(rate);
            env.Console.MarkupLineInterpolated($"load average at start: {ProcessStats.LoadAverage()}");
            if (callsPerSecond <= 0)
            {
                var capacity = await BenchCapacity.MeasureAsync(client, request, timeout, ct);
                callsPerSecond = capacity * result.GetValue(share);
                env.Console.MarkupLineInterpolated($"capacity (closed loop, 2 in flight, 30 s): {capacity:F2} calls/s; loading at {callsPerSecond:F2} calls/s");
            }

            var length = BenchOptions.ParseDuration(result.GetRequiredValue(duration));
            var warm = BenchOptions.ParseDuration(result.GetRequiredValue(warmup));
            var rss = new Dictionary<string, (double? Start, double? Warm, double? End)>();
            foreach (var p in state.Processes)
            {
                rss[p.Name] = (ProcessStats.RssMegabytes(p.Pid), null, null);
            }

            var warmLoad = string.Empty;
            var records = await LoadRun.RunAsync(client, request, callsPerSecond, length, timeout, elapsed =>
            {
                if (elapsed >= warm && warmLoad.Length == 0)
                {
                    warmLoad = ProcessStats.LoadAverage();
                    foreach (var p in state.Processes)
                    {
                        rss[p.Name] = rss[p.Name] with { Warm = ProcessStats.RssMegabytes(p.Pid) };
                    }
                }

                if ((int)elapsed.TotalSeconds % 60 == 0)
                {
                    env.Console.MarkupLineInterpolated($"[grey]{elapsed.TotalMinutes:F0} min, load {ProcessStats.LoadAverage()}[/]");
                }

                return Task.CompletedTask;
            }, ct);
            foreach (var p in state.Processes)
            {
                rss[p.Name] = rss[p.Name] with { End = ProcessStats.RssMegabytes(p.Pid) };
            }

            Print(env, records, rss, callsPerSecond, length, warmLoad);
            return 0;
        }));
        return command;
    }

    private static void Print(CliEnvironment env, List<CallRecord> records, Dictionary<string, (double? Start, double? Warm, double? End)> rss, double rate, TimeSpan length, string warmLoad)
    {
        var all = LoadSummary.Of(records);
        env.Console.MarkupLineInterpolated($"{all.Calls} calls at {rate:F2}/s over {length.TotalMinutes:F1} min: {all.Codes}; errors {all.Errors}; past deadline {all.PastDeadline}; {all.Latency}");
        var minutes = new Table().AddColumns("minute", "calls", "errors", "p50 ms", "p95 ms");
        foreach (var minute in records.GroupBy(r => (int)r.Started.TotalMinutes).OrderBy(g => g.Key))
        {
            var s = LoadSummary.Of([.. minute]);
            minutes.AddRow((minute.Key + 1).ToString(CultureInfo.InvariantCulture), s.Calls.ToString(CultureInfo.InvariantCulture), s.Errors.ToString(CultureInfo.InvariantCulture), s.P50.ToString("F0", CultureInfo.InvariantCulture), s.P95.ToString("F0", CultureInfo.InvariantCulture));
        }

        env.Console.Write(minutes);
        var memory = new Table().AddColumns("process", "RSS start MB", "RSS after warm-up MB", "RSS end MB", "growth after warm-up");
        foreach (var (name, (start, warm, end)) in rss)
        {
            var growth = warm is > 0 && end is not null ? $"{(end.Value - warm.Value) / warm.Value * 100:F1}%" : "-";
            memory.AddRow(name, F(start), F(warm), F(end), growth);
        }

        env.Console.Write(memory);
        env.Console.MarkupLineInterpolated($"load average after warm-up: {warmLoad}; at the end: {ProcessStats.LoadAverage()}");
    }

    private static string F(double? value) => value?.ToString("F0", CultureInfo.InvariantCulture) ?? "gone";
}

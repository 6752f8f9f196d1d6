using System.Globalization;
using System.Text.Json;
using SegPref.Cli.Infrastructure;
using SegPref.Media.Charts;
using Spectre.Console;

namespace SegPref.Cli.Commands.Serve;

/// <summary>The sweep's table, JSON and latency-vs-throughput figure.</summary>
internal static class ServeReport
{
    private static readonly string[] SplitStages = ["caption", "cues", "audio", "segment"];
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static void Print(CliEnvironment env, IReadOnlyList<ServeLevel> levels, IReadOnlyList<(int Batch, int Workers, double ClipsPerSecond)>? limit)
    {
        var client = new Table().AddColumns("target", "c", "clips/s", "p50 ms", "p90 ms", "p99 ms", "errors", "load avg");
        var server = new Table().AddColumns(["target", "c", .. SplitStages.Select(st => $"{st} queue/compute ms"), "total ms"]);
        var batching = new Table().AddColumns("target", "c", "model", "rows per run", "requests per run");
        foreach (var l in levels)
        {
            client.AddRow(
                l.Target, F(l.Concurrency, "0"), F(l.Throughput, "0.00"), F(l.P50Ms, "0"), F(l.P90Ms, "0"), F(l.P99Ms, "0"),
                l.Errors.Count == 0 ? "0" : string.Join(", ", l.Errors.Select(e => $"{e.Key} {e.Value}")),
                F(l.LoadAverage, "0.0"));
            server.AddRow([
                l.Target, F(l.Concurrency, "0"),
                .. SplitStages.Select(st => l.StageMeansMs.TryGetValue(st + ".compute", out var compute) ? $"{F(l.StageMeansMs[st + ".queue"], "0.0")} / {F(compute, "0.0")}" : $"({F(l.StageMeansMs.GetValueOrDefault(st), "0.0")} wall)"),
                F(l.StageMeansMs.GetValueOrDefault("total"), "0.0")]);
            foreach (var (model, b) in l.Batching)
            {
                batching.AddRow(l.Target, F(l.Concurrency, "0"), model, F(b.RowsPerExecution, "0.0"), F(b.RequestsPerExecution, "0.00"));
            }
        }

        env.Console.Write(client);
        env.Console.Write(server);
        if (batching.Rows.Count > 0)
        {
            env.Console.Write(batching);
        }

        if (limit is { Count: > 0 })
        {
            var best = limit.MaxBy(r => r.ClipsPerSecond);
            env.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"in-process limit: {best.ClipsPerSecond:0.00} clips/s (batch {best.Batch}, {best.Workers} worker(s)); all: {string.Join(", ", limit.Select(r => $"b{r.Batch}w{r.Workers} {r.ClipsPerSecond:0.00}"))}");
            foreach (var l in levels.Where(l => l.Concurrency == levels.Max(x => x.Concurrency) || l.Concurrency == 8))
            {
                env.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{l.Target} c={l.Concurrency}: {100 * l.Throughput / best.ClipsPerSecond:0}% of the in-process limit");
            }
        }
    }

    public static void Write(string dir, IReadOnlyList<ServeLevel> levels, IReadOnlyList<(int Batch, int Workers, double ClipsPerSecond)>? limit, string command)
    {
        Directory.CreateDirectory(dir);
        var json = new
        {
            command,
            cores = Environment.ProcessorCount,
            levels,
            in_process_limit = limit?.Select(r => new { batch = r.Batch, workers = r.Workers, clips_per_second = r.ClipsPerSecond }),
        };
        File.WriteAllText(Path.Combine(dir, "serve.json"), JsonSerializer.Serialize(json, Json) + "\n");
        var series = levels.GroupBy(l => l.Target).Select(g => new ChartSeries($"{g.Key} p50", [.. g.OrderBy(l => l.Concurrency).Select(l => (l.Throughput, l.P50Ms))]))
            .Concat(levels.GroupBy(l => l.Target).Select(g => new ChartSeries($"{g.Key} p99", [.. g.OrderBy(l => l.Concurrency).Select(l => (l.Throughput, l.P99Ms))])))
            .ToList();
        File.WriteAllBytes(Path.Combine(dir, "serve.png"), LineChart.RenderPng("Pipeline latency (ms) vs throughput, concurrency sweep", "throughput (clips/s)", series));
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}

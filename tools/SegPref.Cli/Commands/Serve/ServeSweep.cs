using System.Globalization;
using Grpc.Net.Client;
using SegPref.Cli.Infrastructure;
using SegPref.Contracts.Clients;
using SegPref.Contracts.Segmentation.V1;
using Spectre.Console;

namespace SegPref.Cli.Commands.Serve;

/// <summary>The concurrency sweep: per level, the targets take turns in rounds (order flipped each round) so that drifting load on a shared machine hits them alike.</summary>
internal static class ServeSweep
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static async Task<List<ServeLevel>> RunAsync(CliEnvironment env, IReadOnlyList<ServeTarget> targets, PipelineRequest request, IReadOnlyList<int> levels, TimeSpan duration, int rounds, CancellationToken ct)
    {
        var channels = targets.Select(t => GrpcChannel.ForAddress(t.Address, new GrpcChannelOptions
        {
            MaxReceiveMessageSize = SegmentClient.DefaultMaxMessageBytes,
            MaxSendMessageSize = SegmentClient.DefaultMaxMessageBytes,
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
        })).ToArray();
        using var http = new HttpClient();
        try
        {
            var clients = channels.Select(c => new Pipeline.PipelineClient(c)).ToArray();
            for (var i = 0; i < targets.Count; i++)
            {
                env.Console.MarkupLineInterpolated($"warming up {targets[i].Label} ({targets[i].Address})");
                await ClosedLoop.WarmUpAsync(clients[i], request, 5, Timeout, ct);
            }

            var results = new List<ServeLevel>();
            foreach (var concurrency in levels)
            {
                var loops = targets.Select(_ => new ClosedLoop()).ToArray();
                var batching = targets.Select(_ => new Dictionary<string, ModelBatching>()).ToArray();
                for (var round = 0; round < rounds; round++)
                {
                    var order = Enumerable.Range(0, targets.Count);
                    foreach (var i in round % 2 == 0 ? order : order.Reverse())
                    {
                        var before = await TritonCounters.ScrapeAsync(http, targets[i].Metrics, ct);
                        await loops[i].RunAsync(clients[i], request, concurrency, duration / rounds, Timeout, ct);
                        var after = await TritonCounters.ScrapeAsync(http, targets[i].Metrics, ct);
                        foreach (var (model, delta) in TritonCounters.Delta(before, after))
                        {
                            var sum = batching[i].GetValueOrDefault(model) ?? new ModelBatching(0, 0, 0);
                            batching[i][model] = new ModelBatching(sum.Inferences + delta.Inferences, sum.Executions + delta.Executions, sum.Requests + delta.Requests);
                        }
                    }
                }

                var load = LoadAverage();
                for (var i = 0; i < targets.Count; i++)
                {
                    var level = Summarise(targets[i].Label, concurrency, loops[i], batching[i], load);
                    results.Add(level);
                    env.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{level.Target} c={concurrency}: {level.Throughput:0.00} clips/s, p50 {level.P50Ms:0} ms, p99 {level.P99Ms:0} ms, errors {level.Errors.Values.Sum()} (load {load:0.0})");
                }
            }

            return results;
        }
        finally
        {
            foreach (var channel in channels)
            {
                channel.Dispose();
            }
        }
    }

    private static ServeLevel Summarise(string target, int concurrency, ClosedLoop loop, Dictionary<string, ModelBatching> batching, double load)
    {
        var sorted = loop.Latencies.Order().ToArray();
        double Percentile(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return new ServeLevel(
            target, concurrency, loop.Seconds, sorted.Length, loop.Errors, sorted.Length / loop.Seconds,
            Percentile(0.50), Percentile(0.90), Percentile(0.99), loop.StageMeans, batching, load);
    }

    // /proc/loadavg's 1-minute figure (NaN where there is none).
    public static double LoadAverage() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : double.NaN;
}

using System.Diagnostics;
using Grpc.Core;
using SegPref.Contracts.Segmentation.V1;

namespace SegPref.Cli.Commands.Serve;

/// <summary>
/// perf_analyzer's closed loop: <c>concurrency</c> callers each send the next request as soon as their last one
/// returns, for a fixed time; every reply's latency, status and stage timings are kept.
/// </summary>
internal sealed class ClosedLoop
{
    private readonly List<double> _latencies = [];
    private readonly Dictionary<string, int> _errors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (double Sum, int Count)> _stages = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public double Seconds { get; private set; }

    public IReadOnlyList<double> Latencies => _latencies;

    public IReadOnlyDictionary<string, int> Errors => _errors;

    public IReadOnlyDictionary<string, double> StageMeans => _stages.ToDictionary(p => p.Key, p => p.Value.Sum / p.Value.Count);

    /// <summary>Runs <paramref name="concurrency"/> callers of <paramref name="client"/> for <paramref name="duration"/>, adding to what this loop has measured.</summary>
    public async Task RunAsync(Pipeline.PipelineClient client, PipelineRequest request, int concurrency, TimeSpan duration, TimeSpan timeout, CancellationToken ct)
    {
        var wall = Stopwatch.StartNew();
        var end = DateTime.UtcNow + duration;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(
            async () =>
            {
                while (DateTime.UtcNow < end && !ct.IsCancellationRequested)
                {
                    await CallAsync(client, request, timeout, ct);
                }
            },
            ct)));
        Seconds += wall.Elapsed.TotalSeconds;
    }

    /// <summary>Calls once outside the measurement (warm-up); throws on failure so a dead target stops the run.</summary>
    public static async Task WarmUpAsync(Pipeline.PipelineClient client, PipelineRequest request, int calls, TimeSpan timeout, CancellationToken ct)
    {
        for (var i = 0; i < calls; i++)
        {
            await client.SegmentAsync(request, deadline: DateTime.UtcNow + timeout, cancellationToken: ct);
        }
    }

    private async Task CallAsync(Pipeline.PipelineClient client, PipelineRequest request, TimeSpan timeout, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var reply = await client.SegmentAsync(request, deadline: DateTime.UtcNow + timeout, cancellationToken: ct);
            var ms = watch.Elapsed.TotalMilliseconds;
            lock (_lock)
            {
                _latencies.Add(ms);
                foreach (var timing in reply.Timings)
                {
                    var (sum, count) = _stages.GetValueOrDefault(timing.Stage);
                    _stages[timing.Stage] = (sum + timing.Milliseconds, count + 1);
                }
            }
        }
        catch (RpcException ex) when (!ct.IsCancellationRequested)
        {
            lock (_lock)
            {
                _errors[ex.StatusCode.ToString()] = _errors.GetValueOrDefault(ex.StatusCode.ToString()) + 1;
            }
        }
    }
}

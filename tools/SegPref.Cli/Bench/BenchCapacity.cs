using System.Diagnostics;
using Grpc.Core;
using SegPref.Contracts.Clients;
using SegPref.Contracts.Segmentation.V1;

namespace SegPref.Cli.Bench;

/// <summary>Capacity: successful calls per second with a fixed number of calls in flight (closed loop).</summary>
internal static class BenchCapacity
{
    public static async Task<double> MeasureAsync(SegmentClient client, PipelineRequest request, TimeSpan timeout, CancellationToken ct, int inFlight = 2, double seconds = 30)
    {
        // Warm-up: caches, connections, JIT.
        for (var i = 0; i < 3; i++)
        {
            await client.SegmentAsync(request, timeout, ct);
        }

        var clock = Stopwatch.StartNew();
        var ok = 0;
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
        {
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                try
                {
                    await client.SegmentAsync(request, timeout, ct);
                    Interlocked.Increment(ref ok);
                }
                catch (RpcException)
                {
                }
            }
        }));
        return ok / clock.Elapsed.TotalSeconds;
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using SegPref.Contracts.Clients;
using SegPref.Contracts.Segmentation.V1;

namespace SegPref.Cli.Bench;

/// <summary>
/// Open-loop load: one Pipeline call every 1/rate seconds whatever the previous ones are doing (as independent
/// clients would), each with its own deadline. A call that ends more than <see cref="Grace"/> after its deadline
/// counts as past its deadline.
/// </summary>
internal static class LoadRun
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);

    public static async Task<List<CallRecord>> RunAsync(
        SegmentClient client, PipelineRequest request, double rate, TimeSpan duration, TimeSpan timeout,
        Func<TimeSpan, Task>? tick, CancellationToken ct)
    {
        var records = new ConcurrentBag<CallRecord>();
        var calls = new List<Task>();
        var clock = Stopwatch.StartNew();
        var period = TimeSpan.FromSeconds(1 / rate);
        var next = TimeSpan.Zero;
        var lastTick = TimeSpan.Zero;
        while (clock.Elapsed < duration && !ct.IsCancellationRequested)
        {
            if (clock.Elapsed < next)
            {
                await Task.Delay(next - clock.Elapsed, ct).ConfigureAwait(false);
            }

            calls.Add(CallAsync(client, request, timeout, clock, records, ct));
            next += period;
            if (tick is not null && clock.Elapsed - lastTick >= TimeSpan.FromSeconds(1))
            {
                lastTick = clock.Elapsed;
                await tick(clock.Elapsed).ConfigureAwait(false);
            }
        }

        // Every call has a deadline; waiting longer than deadline + grace means one hung.
        var all = Task.WhenAll(calls);
        await Task.WhenAny(all, Task.Delay(timeout + Grace + Grace, CancellationToken.None)).ConfigureAwait(false);
        var hung = calls.Count(c => !c.IsCompleted);
        for (var i = 0; i < hung; i++)
        {
            records.Add(new CallRecord(duration, double.NaN, StatusCode.DeadlineExceeded, PastDeadline: true));
        }

        return [.. records.OrderBy(r => r.Started)];
    }

    private static async Task CallAsync(SegmentClient client, PipelineRequest request, TimeSpan timeout, Stopwatch clock, ConcurrentBag<CallRecord> records, CancellationToken ct)
    {
        var started = clock.Elapsed;
        var code = StatusCode.OK;
        try
        {
            await client.SegmentAsync(request, timeout, ct).ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            code = ex.StatusCode;
        }

        var took = clock.Elapsed - started;
        records.Add(new CallRecord(started, took.TotalMilliseconds, code, took > timeout + Grace));
    }
}

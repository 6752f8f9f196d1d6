using System.Collections.Concurrent;
using System.Diagnostics;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using SegPref.Mesh.Tests.Infrastructure;
using SegPref.Serving.Inputs;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace SegPref.Mesh.Tests.Reliability;

/// <summary>
/// 2,100 deterministic cases through the gateway over the five RPCs and POST /v1/segment: every answer is OK or
/// INVALID_ARGUMENT, RESOURCE_EXHAUSTED, OUT_OF_RANGE (REST: 200, 400, 413, 429), never UNKNOWN, INTERNAL or a
/// hang; afterwards every service still serves, and no decode budget is left reserved.
/// </summary>
[Collection(FuzzGroup.Name)]
public sealed class FuzzTests(MeshFixture mesh)
{
    private const int StructuredPerMethod = 200;
    private const int RawPerMethod = 150;
    private const int RestCases = 350;

    private static readonly StatusCode[] Allowed = [StatusCode.OK, StatusCode.InvalidArgument, StatusCode.ResourceExhausted, StatusCode.OutOfRange];

    [Fact]
    public async Task AllRpcsAndRest_2100DeterministicMutations_OnlyAllowedStatusesAndEveryServiceStillServes()
    {
        var outcomes = new ConcurrentBag<(string Case, string Outcome, bool Allowed)>();
        var cases = FuzzCases.Methods
            .SelectMany(m => Enumerable.Range(0, StructuredPerMethod).Select(i => (Method: m, Kind: "structured", Seed: i))
                .Concat(Enumerable.Range(0, RawPerMethod).Select(i => (Method: m, Kind: "raw", Seed: i))))
            .Concat(Enumerable.Range(0, RestCases).Select(i => (Method: "/v1/segment", Kind: "rest", Seed: i)))
            .ToList();
        using var channel = mesh.GatewayChannel();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        // Start from a compacted heap, so that garbage left by earlier tests does not count.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = Environment.WorkingSet;
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var budgets = new[] { mesh.Captioner, mesh.TextCues, mesh.Audio, mesh.Segmentation }.Select(h => h.Services.GetRequiredService<DecodeBudget>()).ToArray();
        long peak = baseline, peakDecoded = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested && !TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                peak = Math.Max(peak, Environment.WorkingSet);
                peakDecoded = Math.Max(peakDecoded, budgets.Max(b => b.InUse));
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
        }, TestContext.Current.CancellationToken);
        var clock = Stopwatch.StartNew();

        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = TestContext.Current.CancellationToken }, async (c, ct) =>
        {
            var name = $"{c.Kind} {c.Method} seed {c.Seed}";
            if (c.Kind == "rest")
            {
                using var content = new StringContent(FuzzCases.Rest(c.Seed), System.Text.Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(new Uri(mesh.Gateway.Address, c.Method), content, ct);
                var code = (int)response.StatusCode;
                outcomes.Add((name, $"HTTP {code}", code is 200 or 400 or 413 or 429));
                return;
            }

            var payload = c.Kind == "raw" ? FuzzCases.Raw(c.Method, c.Seed) : FuzzCases.Structured(c.Method, c.Seed).ToByteArray();
            var (status, detail) = await RawGrpc.CallAsync(channel, c.Method, payload, TimeSpan.FromSeconds(45));
            outcomes.Add((name, $"{status}: {detail}", Allowed.Contains(status)));
        });
        await sampling.CancelAsync();
        await sampler;

        var retained = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        var summary = $"fuzz: {cases.Count} cases in {clock.Elapsed.TotalSeconds:F1} s, peak decoded bytes in one service {peakDecoded / 1e6:F0} MB (budget {MeshFixture.DecodeBudgetBytes / 1e6:F0} MB), working set +{(peak - baseline) / 1e6:F0} MB at its peak, managed heap +{retained / 1e6:F0} MB after a full collection; outcomes: {string.Join(", ", outcomes.GroupBy(o => o.Outcome.Split(':')[0]).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))}";
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "fuzz-summary.txt"), summary + Environment.NewLine, TestContext.Current.CancellationToken);

        var bad = outcomes.Where(o => !o.Allowed).Take(10).Select(o => $"{o.Case} -> {o.Outcome}").ToList();
        Assert.True(bad.Count == 0, string.Join(Environment.NewLine, bad));
        Assert.Equal(cases.Count, outcomes.Count);
        Assert.True(cases.Count >= 2000);
        foreach (var host in new[] { mesh.Captioner, mesh.TextCues, mesh.Audio, mesh.Segmentation })
        {
            Assert.Equal(ServingStatus.Serving, await MeshFixture.WaitServingAsync(host.Address));
            Assert.Equal(0, host.Services.GetRequiredService<DecodeBudget>().InUse);
        }

        // Memory within the budget: decoded pixels and samples in flight never exceeded any service's budget (sampled
        // every 20 ms), some requests were refused for it, and nothing was kept afterwards. The process's working set
        // is reported, not asserted: four services and the test harness share it, and the GC decides when it shrinks.
        Assert.InRange(peakDecoded, 0, MeshFixture.DecodeBudgetBytes);
        Assert.Contains(outcomes, o => o.Outcome.Contains("Limits:MaxDecodedBytes", StringComparison.Ordinal));
        Assert.True(retained < 256L * 1024 * 1024, $"the managed heap kept {retained / 1e6:F0} MB after the fuzz run");
        using var after = mesh.GatewayChannel();
        var reply = await new SegPref.Contracts.Segmentation.V1.Pipeline.PipelineClient(after).SegmentAsync(TestClip.Request(2), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(2, reply.Frames.Count);
    }
}

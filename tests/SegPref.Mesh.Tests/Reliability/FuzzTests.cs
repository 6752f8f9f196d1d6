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
[Collection(MeshGroup.Name)]
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
        var baseline = Environment.WorkingSet;
        long peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested && !TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                peak = Math.Max(peak, Environment.WorkingSet);
                await Task.Delay(50, TestContext.Current.CancellationToken);
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

        var bad = outcomes.Where(o => !o.Allowed).Take(10).Select(o => $"{o.Case} -> {o.Outcome}").ToList();
        Assert.True(bad.Count == 0, string.Join(Environment.NewLine, bad));
        Assert.Equal(cases.Count, outcomes.Count);
        Assert.True(cases.Count >= 2000);
        foreach (var host in new[] { mesh.Captioner, mesh.TextCues, mesh.Audio, mesh.Segmentation })
        {
            Assert.Equal(ServingStatus.Serving, await MeshFixture.WaitServingAsync(host.Address));
            Assert.Equal(0, host.Services.GetRequiredService<DecodeBudget>().InUse);
        }

        // Four services share this process, each with its own decode budget; on top, messages in flight (4 at a
        // time, at most a few MB each here) and what the GC has not given back yet: 512 MB of slack.
        var bound = (4 * MeshFixture.DecodeBudgetBytes) + (512L * 1024 * 1024);
        Assert.True(peak - baseline < bound, $"working set grew by {(peak - baseline) / 1e6:F0} MB, over 4 decode budgets + 512 MB ({bound / 1e6:F0} MB)");
        using var after = mesh.GatewayChannel();
        var reply = await new SegPref.Contracts.Segmentation.V1.Pipeline.PipelineClient(after).SegmentAsync(TestClip.Request(2), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(2, reply.Frames.Count);
        var summary = $"fuzz: {cases.Count} cases in {clock.Elapsed.TotalSeconds:F1} s, working set +{(peak - baseline) / 1e6:F0} MB; outcomes: {string.Join(", ", outcomes.GroupBy(o => o.Outcome.Split(':')[0]).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))}";
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "fuzz-summary.txt"), summary + Environment.NewLine, TestContext.Current.CancellationToken);
    }
}

using System.Diagnostics;
using System.Globalization;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Mesh.Tests.Infrastructure;
using SegPref.Mesh.Tests.TestModels;

namespace SegPref.Mesh.Tests.EndToEnd;

/// <summary>
/// Opt-in measurement (SEGPREF_MESH_LATENCY=1): p50 latency of one 5-frame clip through the gateway vs the same
/// pipeline in process. It reports figures and checks that both paths agree; it asserts nothing about time.
/// </summary>
[Collection(MeshGroup.Name)]
public sealed class LatencyReportTests(MeshFixture mesh)
{
    private const int Calls = 40;

    [Fact]
    public async Task Segment_FiveFrameClip_ReportsGatewayAndInProcessP50()
    {
        Assert.SkipUnless(Environment.GetEnvironmentVariable("SEGPREF_MESH_LATENCY") == "1", "Set SEGPREF_MESH_LATENCY=1 to measure.");
        var request = TestClip.Request(5);
        using var channel = mesh.GatewayChannel();
        var client = new Pipeline.PipelineClient(channel);
        var runner = InProcessPipelineStages.Runner(new TestCaptioner(), new TestCueEmbedder(), new TestAudioEmbedder(), new TestSegmenter());
        var ct = TestContext.Current.CancellationToken;

        var (gatewayP50, remote) = await MeasureAsync(async () => await client.SegmentAsync(request, cancellationToken: ct));
        var (localP50, local) = await MeasureAsync(() => runner.RunAsync(request, DateTime.MaxValue, ct));

        var report = string.Create(CultureInfo.InvariantCulture, $"5-frame clip, {Calls} calls each after 5 warm-up calls: gateway p50 {gatewayP50:F1} ms, in-process p50 {localP50:F1} ms");
        TestContext.Current.SendDiagnosticMessage(report);
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "mesh-latency.txt"), report + Environment.NewLine, ct);
        Assert.Equal(local.Frames.Select(f => f.Mask.Rle), remote.Frames.Select(f => f.Mask.Rle));
    }

    private static async Task<(double P50, PipelineResponse Last)> MeasureAsync(Func<Task<PipelineResponse>> call)
    {
        PipelineResponse last = null!;
        for (var i = 0; i < 5; i++)
        {
            last = await call();
        }

        var times = new double[Calls];
        for (var i = 0; i < Calls; i++)
        {
            var watch = Stopwatch.StartNew();
            last = await call();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return (times[Calls / 2], last);
    }
}

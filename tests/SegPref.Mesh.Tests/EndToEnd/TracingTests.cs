using System.Collections.Concurrent;
using System.Diagnostics;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Mesh.Tests.Infrastructure;

namespace SegPref.Mesh.Tests.EndToEnd;

[Collection(MeshGroup.Name)]
public sealed class TracingTests(MeshFixture mesh)
{
    [Fact]
    public async Task Segment_ThroughGateway_EveryHopJoinsTheCallersTrace()
    {
        var seen = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("SegPref.", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = seen.Add,
        };
        ActivitySource.AddActivityListener(listener);
        using var source = new ActivitySource("SegPref.Tests");
        using var channel = mesh.GatewayChannel();

        ActivityTraceId trace;
        using (var root = source.StartActivity("client"))
        {
            trace = root!.TraceId;
            await new Pipeline.PipelineClient(channel).SegmentAsync(TestClip.Request(2), cancellationToken: TestContext.Current.CancellationToken);
        }

        // Each span below ran behind a real socket hop (gateway -> segmentation -> text cues / audio encoder).
        var names = seen.Where(a => a.TraceId == trace).Select(a => a.OperationName).ToHashSet();
        Assert.Contains("pipeline.segment", names);
        Assert.Contains("textcues.extract", names);
        Assert.Contains("audio.embed", names);
        Assert.Contains("pipeline.segment.model", names);
    }
}

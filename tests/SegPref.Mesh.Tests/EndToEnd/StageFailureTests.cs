using Grpc.Core;
using Grpc.Net.Client;
using SegPref.Captioner.Service;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Mesh.Tests.Infrastructure;
using SegPref.Mesh.Tests.TestModels;

namespace SegPref.Mesh.Tests.EndToEnd;

[Collection(MeshGroup.Name)]
public sealed class StageFailureTests(MeshFixture mesh)
{
    [Fact]
    public async Task Segment_CaptionerStopped_AnswersUnavailableNamingTheStage()
    {
        var segmentation = await mesh.StartSegmentationAsync(await StoppedCaptionerAsync(), new Dictionary<string, string?>());
        using var channel = GrpcChannel.ForAddress(segmentation.Address);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await new Pipeline.PipelineClient(channel)
            .SegmentAsync(TestClip.Request(2), deadline: DateTime.UtcNow.AddSeconds(20), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.StartsWith("captioner stage is unavailable", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Segment_CaptionerStoppedWithFallbackAllowed_AnswersDegradedWithoutText()
    {
        var settings = new Dictionary<string, string?> { ["Pipeline:AllowAudioOnlyFallback"] = "true" };
        var segmentation = await mesh.StartSegmentationAsync(await StoppedCaptionerAsync(), settings);
        using var channel = GrpcChannel.ForAddress(segmentation.Address);

        var reply = await new Pipeline.PipelineClient(channel)
            .SegmentAsync(TestClip.Request(2), deadline: DateTime.UtcNow.AddSeconds(20), cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(reply.Degraded);
        Assert.Contains("captioner", reply.DegradedReason, StringComparison.Ordinal);
        Assert.All(reply.Frames, f => Assert.Empty(f.Cues));
        Assert.Equal(2, reply.Frames.Count);
        Assert.DoesNotContain(reply.Models, m => m.Role == "captioner");
    }

    [Fact]
    public async Task Segment_CaptionerSlowerThanCallerDeadline_DeadlineExceeded()
    {
        var slow = new TestCaptioner();
        var captioner = await mesh.StartAsync(b => b.AddCaptionerService(), a => a.MapCaptionerService(), MeshFixture.ServiceSettings(), MeshFixture.Models(slow));
        await MeshFixture.WaitServingAsync(captioner.Address);
        slow.Delay = TimeSpan.FromSeconds(3);
        var segmentation = await mesh.StartSegmentationAsync(captioner.Address, new Dictionary<string, string?>());
        using var channel = GrpcChannel.ForAddress(segmentation.Address);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await new Pipeline.PipelineClient(channel)
            .SegmentAsync(TestClip.Request(1), deadline: DateTime.UtcNow.AddMilliseconds(700), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
    }

    [Fact]
    public async Task Segment_StageTimeoutShorterThanSlowCaptioner_DeadlineExceededNamingTheStage()
    {
        var slow = new TestCaptioner();
        var captioner = await mesh.StartAsync(b => b.AddCaptionerService(), a => a.MapCaptionerService(), MeshFixture.ServiceSettings(), MeshFixture.Models(slow));
        await MeshFixture.WaitServingAsync(captioner.Address);
        slow.Delay = TimeSpan.FromSeconds(3);
        var settings = new Dictionary<string, string?> { ["Pipeline:StageTimeoutSeconds"] = "0.5" };
        var segmentation = await mesh.StartSegmentationAsync(captioner.Address, settings);
        using var channel = GrpcChannel.ForAddress(segmentation.Address);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await new Pipeline.PipelineClient(channel)
            .SegmentAsync(TestClip.Request(1), deadline: DateTime.UtcNow.AddSeconds(20), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        Assert.StartsWith("captioner stage did not answer before the deadline", ex.Status.Detail, StringComparison.Ordinal);
    }

    private async Task<Uri> StoppedCaptionerAsync()
    {
        var captioner = await mesh.StartAsync(b => b.AddCaptionerService(), a => a.MapCaptionerService(), MeshFixture.ServiceSettings(), MeshFixture.Models());
        await captioner.StopAsync();
        return captioner.Address;
    }
}

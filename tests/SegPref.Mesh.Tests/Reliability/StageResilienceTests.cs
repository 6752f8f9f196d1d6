using Microsoft.Extensions.DependencyInjection;
using Grpc.Core;
using Grpc.Net.Client;
using SegPref.AudioEncoder.Service;
using SegPref.Captioner.Service;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Mesh.Tests.Infrastructure;
using SegPref.Mesh.Tests.TestModels;
using SegPref.Segmentation.Service.Pipeline;

namespace SegPref.Mesh.Tests.Reliability;

/// <summary>The Pipeline's stage clients: retries of UNAVAILABLE within the deadline, and a circuit per stage.</summary>
[Collection(MeshGroup.Name)]
public sealed class StageResilienceTests(MeshFixture mesh)
{
    [Theory]
    [InlineData(3, true)]
    [InlineData(1, false)]
    public async Task Segment_CaptionerDropsOneCall_RetriedWhenRetriesAreOn(int attempts, bool succeeds)
    {
        var flaky = new TestCaptioner();
        var captioner = await mesh.StartAsync(b => b.AddCaptionerService(), a => a.MapCaptionerService(), MeshFixture.ServiceSettings(), MeshFixture.Models(flaky));
        await MeshFixture.WaitServingAsync(captioner.Address);
        var segmentation = await mesh.StartSegmentationAsync(captioner.Address, new Dictionary<string, string?> { ["Pipeline:Resilience:MaxAttempts"] = attempts.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var channel = GrpcChannel.ForAddress(segmentation.Address);
        flaky.FailNext = 1;

        var call = new Pipeline.PipelineClient(channel).SegmentAsync(TestClip.Request(1, reliance: false), deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: TestContext.Current.CancellationToken);

        if (succeeds)
        {
            Assert.Single((await call).Frames);
        }
        else
        {
            var ex = await Assert.ThrowsAsync<RpcException>(async () => await call);
            Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        }
    }

    [Fact]
    public async Task Segment_AudioEncoderDead_CircuitOpensAndLaterCallsFailAtOnceNamingIt()
    {
        var audio = await mesh.StartAsync(b => b.AddAudioEncoderService(), a => a.MapAudioEncoderService(), MeshFixture.ServiceSettings(), MeshFixture.Models());
        await audio.StopAsync();
        var segmentation = await mesh.StartSegmentationAsync(mesh.Captioner.Address, new Dictionary<string, string?>
        {
            ["Pipeline:AudioEncoderUrl"] = audio.Address.ToString(),
            ["Pipeline:Resilience:BreakSeconds"] = "60",
        });
        using var channel = GrpcChannel.ForAddress(segmentation.Address);
        var client = new Pipeline.PipelineClient(channel);
        var breaker = segmentation.Services.GetRequiredService<StageHealth>().Breakers[PipelineStageNames.AudioEncoder];
        for (var i = 0; i < 10 && !breaker.IsOpen; i++)
        {
            await Assert.ThrowsAsync<RpcException>(async () => await client.SegmentAsync(TestClip.Request(1, reliance: false), deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: TestContext.Current.CancellationToken));
        }

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.SegmentAsync(TestClip.Request(1, reliance: false), deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: TestContext.Current.CancellationToken));

        Assert.True(breaker.IsOpen);
        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.StartsWith("audio-encoder stage is unavailable: circuit open", ex.Status.Detail, StringComparison.Ordinal);
    }
}

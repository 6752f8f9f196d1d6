using Grpc.Core;
using SegPref.Segmentation.Service.Pipeline;

namespace SegPref.Mesh.Tests.Segmentation;

public sealed class StageCallTests
{
    [Theory]
    [InlineData(StatusCode.Unavailable, StatusCode.Unavailable, "audio-encoder stage is unavailable: boom")]
    [InlineData(StatusCode.Cancelled, StatusCode.Unavailable, "audio-encoder stage is unavailable: boom")]
    [InlineData(StatusCode.DeadlineExceeded, StatusCode.DeadlineExceeded, "audio-encoder stage did not answer before the deadline: boom")]
    [InlineData(StatusCode.InvalidArgument, StatusCode.InvalidArgument, "audio-encoder stage rejected the input: boom")]
    [InlineData(StatusCode.Unknown, StatusCode.Internal, "audio-encoder stage failed: boom")]
    public async Task RunAsync_StageFails_StatusNamesTheStage(StatusCode from, StatusCode expected, string message)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            StageCall.RunAsync<int>("audio-encoder", () => throw new RpcException(new Status(from, "boom")), CancellationToken.None));

        Assert.Equal(expected, ex.StatusCode);
        Assert.Equal(message, ex.Status.Detail);
    }

    [Fact]
    public void Deadline_CallerEarlierThanStageTimeout_UsesCallerDeadline()
    {
        var caller = DateTime.UtcNow.AddSeconds(2);

        Assert.Equal(caller, StageCall.Deadline(caller, 30));
    }

    [Fact]
    public void Deadline_NoCallerDeadline_CapsAtStageTimeout()
    {
        var deadline = StageCall.Deadline(DateTime.MaxValue, 30);

        Assert.InRange(deadline, DateTime.UtcNow.AddSeconds(29), DateTime.UtcNow.AddSeconds(31));
    }
}

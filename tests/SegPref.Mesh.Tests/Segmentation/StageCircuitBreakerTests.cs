using Grpc.Core;
using SegPref.Mesh.Tests.Infrastructure;
using SegPref.Segmentation.Service.Pipeline;

namespace SegPref.Mesh.Tests.Segmentation;

public sealed class StageCircuitBreakerTests
{
    private static Task<int> Unavailable() => throw new RpcException(new Status(StatusCode.Unavailable, "connection refused"));

    [Fact]
    public async Task RunAsync_ThresholdFailures_OpensAndFailsWithoutCalling()
    {
        var clock = new ManualTimeProvider();
        var breaker = new StageCircuitBreaker("audio-encoder", 3, TimeSpan.FromSeconds(2), clock);
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<RpcException>(() => StageCall.RunAsync("audio-encoder", breaker, Unavailable, CancellationToken.None));
        }

        var calls = 0;
        var ex = await Assert.ThrowsAsync<RpcException>(() => StageCall.RunAsync("audio-encoder", breaker, () => Task.FromResult(++calls), CancellationToken.None));

        Assert.Equal(0, calls);
        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.StartsWith("audio-encoder stage is unavailable: circuit open after 3 consecutive failures", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(1, breaker.Opened);
    }

    [Fact]
    public async Task RunAsync_AfterBreakTime_OneTrialClosesTheCircuitOnSuccess()
    {
        var clock = new ManualTimeProvider();
        var breaker = new StageCircuitBreaker("captioner", 1, TimeSpan.FromSeconds(2), clock);
        await Assert.ThrowsAsync<RpcException>(() => StageCall.RunAsync("captioner", breaker, Unavailable, CancellationToken.None));
        Assert.True(breaker.IsOpen);

        clock.Advance(TimeSpan.FromSeconds(2.1));
        var result = await StageCall.RunAsync("captioner", breaker, () => Task.FromResult(42), CancellationToken.None);

        Assert.Equal(42, result);
        Assert.False(breaker.IsOpen);
    }

    [Fact]
    public async Task RunAsync_TrialFails_OpensAgainForAnotherBreak()
    {
        var clock = new ManualTimeProvider();
        var breaker = new StageCircuitBreaker("captioner", 1, TimeSpan.FromSeconds(2), clock);
        await Assert.ThrowsAsync<RpcException>(() => StageCall.RunAsync("captioner", breaker, Unavailable, CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(3));

        await Assert.ThrowsAsync<RpcException>(() => StageCall.RunAsync("captioner", breaker, Unavailable, CancellationToken.None));

        Assert.True(breaker.IsOpen);
        Assert.False(breaker.TryEnter(out var refusal));
        Assert.Contains("next trial in 2.0 s", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_InvalidArgument_DoesNotCountTowardsOpening()
    {
        var breaker = new StageCircuitBreaker("captioner", 1, TimeSpan.FromSeconds(2), new ManualTimeProvider());

        await Assert.ThrowsAsync<RpcException>(() => StageCall.RunAsync<int>("captioner", breaker, () => throw new RpcException(new Status(StatusCode.InvalidArgument, "bad")), CancellationToken.None));

        Assert.False(breaker.IsOpen);
    }

    [Fact]
    public async Task OnHealthy_OpenCircuit_ClosesWithoutWaiting()
    {
        var breaker = new StageCircuitBreaker("captioner", 1, TimeSpan.FromMinutes(5), new ManualTimeProvider());
        await Assert.ThrowsAsync<RpcException>(() => StageCall.RunAsync("captioner", breaker, Unavailable, CancellationToken.None));

        breaker.OnHealthy();

        Assert.False(breaker.IsOpen);
        Assert.True(breaker.TryEnter(out _));
    }
}

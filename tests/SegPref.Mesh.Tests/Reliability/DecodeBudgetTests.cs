using Microsoft.Extensions.Options;
using SegPref.Serving.Inputs;

namespace SegPref.Mesh.Tests.Reliability;

public sealed class DecodeBudgetTests
{
    private static DecodeBudget Budget(long bytes) => new(Options.Create(new InputLimitsOptions { MaxDecodedBytes = bytes }));

    [Fact]
    public async Task ReserveAsync_MoreThanTheWholeBudget_ResourceLimitNamingTheSetting()
    {
        var budget = Budget(1024 * 1024);

        var ex = await Assert.ThrowsAsync<ResourceLimitException>(async () => await budget.ReserveAsync(2 * 1024 * 1024, "frames: 2 images", CancellationToken.None));

        Assert.StartsWith("frames: 2 images need 2.0 MB of decoded memory", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Limits:MaxDecodedBytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReserveAsync_BudgetInUse_WaitsUntilReleasedThenGrantsInOrder()
    {
        var budget = Budget(1024 * 1024);
        var first = await budget.ReserveAsync(800 * 1024, "a", CancellationToken.None);

        var second = budget.ReserveAsync(600 * 1024, "b", CancellationToken.None).AsTask();
        var third = budget.ReserveAsync(100 * 1024, "c", CancellationToken.None).AsTask();

        Assert.False(second.IsCompleted);
        Assert.False(third.IsCompleted);
        first.Dispose();
        using var b = await second;
        using var c = await third;
        Assert.Equal(700 * 1024, budget.InUse);
    }

    [Fact]
    public async Task ReserveAsync_CallerGivesUpWhileWaiting_LeavesTheQueueAndTheBudgetWhole()
    {
        var budget = Budget(1024 * 1024);
        var held = await budget.ReserveAsync(1024 * 1024, "a", CancellationToken.None);
        using var cts = new CancellationTokenSource();

        var waiting = budget.ReserveAsync(1, "b", cts.Token).AsTask();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();
        Assert.Equal(0, budget.InUse);
    }
}

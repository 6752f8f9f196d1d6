using SegPref.Inference.Batching;

namespace SegPref.Inference.Tests.Batching;

/// <summary>
/// The batcher on a stand-in model whose runs the test holds and releases: requests are int rows, a run answers each
/// request with its own rows times 10 and logs which requests it took. No timing is asserted; waits are bounded only
/// to fail instead of hanging.
/// </summary>
public sealed class DynamicBatcherTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RunAsync_RequestsQueuedBehindARun_RunTogetherAndEachGetsItsOwnRowsInOrder()
    {
        using var model = new HeldModel();
        using var batcher = model.Batcher(new ServingPolicy(1, 64, true, TimeSpan.Zero, 0));
        var first = batcher.RunAsync([1], CancellationToken.None);
        await model.Entered.WaitAsync(Bound, TestContext.Current.CancellationToken);

        var queued = Enumerable.Range(0, 5).Select(i => batcher.RunAsync([.. Enumerable.Range(100 * i, i + 1)], CancellationToken.None)).ToArray();
        await WaitUntil(() => batcher.Pending == 5);
        model.ReleaseAll();
        var results = await Task.WhenAll(queued).WaitAsync(Bound, TestContext.Current.CancellationToken);

        Assert.Equal(new[] { 10 }, (await first).Value);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(Enumerable.Range(100 * i, i + 1).Select(v => v * 10), results[i].Value);
            Assert.Equal(5, results[i].BatchRequests);
            Assert.Equal(15, results[i].BatchRows);
            Assert.True(results[i].QueueMs >= 0);
        }

        Assert.Equal([1, 5], model.Runs.Select(r => r.Count));
    }

    [Fact]
    public async Task RunAsync_BatchWouldExceedMaxBatchSize_StartsANewBatchWithoutSplittingARequest()
    {
        using var model = new HeldModel();
        using var batcher = model.Batcher(new ServingPolicy(1, 4, true, TimeSpan.Zero, 0));
        _ = batcher.RunAsync([0], CancellationToken.None);
        await model.Entered.WaitAsync(Bound, TestContext.Current.CancellationToken);

        var a = batcher.RunAsync([1, 2, 3], CancellationToken.None);
        var b = batcher.RunAsync([4, 5], CancellationToken.None);
        await WaitUntil(() => batcher.Pending == 2);
        model.ReleaseAll();
        await Task.WhenAll(a, b).WaitAsync(Bound, TestContext.Current.CancellationToken);

        Assert.Equal([1, 1, 1], model.Runs.Select(r => r.Count));
        Assert.Equal(new[] { 10, 20, 30 }, (await a).Value);
        Assert.Equal(new[] { 40, 50 }, (await b).Value);
    }

    [Fact]
    public async Task RunAsync_QueueFull_ThrowsModelQueueFullExceptionNamingTheLimit()
    {
        using var model = new HeldModel();
        using var batcher = model.Batcher(new ServingPolicy(1, 64, true, TimeSpan.Zero, 2));
        var running = batcher.RunAsync([1], CancellationToken.None);
        await model.Entered.WaitAsync(Bound, TestContext.Current.CancellationToken);
        var queued = new[] { batcher.RunAsync([2], CancellationToken.None), batcher.RunAsync([3], CancellationToken.None) };

        var ex = Assert.Throws<ModelQueueFullException>(() => { _ = batcher.RunAsync([4], CancellationToken.None); });

        Assert.Contains("max_queue_size", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2 requests waiting", ex.Message, StringComparison.Ordinal);
        model.ReleaseAll();
        await Task.WhenAll([running, .. queued]).WaitAsync(Bound, TestContext.Current.CancellationToken);
        Assert.Equal(new[] { 40 }, (await batcher.RunAsync([4], CancellationToken.None).WaitAsync(Bound, TestContext.Current.CancellationToken)).Value);
    }

    [Fact]
    public async Task RunAsync_PartialBatchWithADelay_RunsOnceTheDelayHasPassed()
    {
        using var model = new HeldModel(held: false);
        using var batcher = model.Batcher(new ServingPolicy(1, 64, true, TimeSpan.FromMilliseconds(50), 0));

        var result = await batcher.RunAsync([7, 8], CancellationToken.None).WaitAsync(Bound, TestContext.Current.CancellationToken);

        Assert.Equal([70, 80], result.Value);
        Assert.Equal(1, result.BatchRequests);
    }

    [Fact]
    public async Task RunAsync_FullBatchWithALongDelay_RunsWithoutWaitingForTheDelay()
    {
        using var model = new HeldModel(held: false);
        using var batcher = model.Batcher(new ServingPolicy(1, 4, true, TimeSpan.FromHours(1), 0));

        var result = await batcher.RunAsync([1, 2, 3, 4], CancellationToken.None).WaitAsync(Bound, TestContext.Current.CancellationToken);

        Assert.Equal([10, 20, 30, 40], result.Value);
    }

    [Fact]
    public async Task RunAsync_CancelledWhileQueued_LeavesTheQueueAndNeverRuns()
    {
        using var model = new HeldModel();
        using var batcher = model.Batcher(new ServingPolicy(1, 64, true, TimeSpan.Zero, 0));
        var running = batcher.RunAsync([1], CancellationToken.None);
        await model.Entered.WaitAsync(Bound, TestContext.Current.CancellationToken);
        using var cancel = new CancellationTokenSource();
        var abandoned = batcher.RunAsync([666], cancel.Token);
        var kept = batcher.RunAsync([2], CancellationToken.None);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.Equal(1, batcher.Pending);
        model.ReleaseAll();
        Assert.Equal(new[] { 20 }, (await kept.WaitAsync(Bound, TestContext.Current.CancellationToken)).Value);
        await running;
        Assert.DoesNotContain(model.Runs.SelectMany(r => r), request => request.Contains(666));
    }

    [Fact]
    public async Task RunAsync_OneRequestBreaksTheRun_OnlyThatRequestFails()
    {
        using var model = new HeldModel();
        using var batcher = model.Batcher(new ServingPolicy(1, 64, true, TimeSpan.Zero, 0));
        var running = batcher.RunAsync([1], CancellationToken.None);
        await model.Entered.WaitAsync(Bound, TestContext.Current.CancellationToken);
        var good1 = batcher.RunAsync([2], CancellationToken.None);
        var bad = batcher.RunAsync([-1], CancellationToken.None);
        var good2 = batcher.RunAsync([3], CancellationToken.None);
        await WaitUntil(() => batcher.Pending == 3);

        model.ReleaseAll();

        Assert.Equal(new[] { 20 }, (await good1.WaitAsync(Bound, TestContext.Current.CancellationToken)).Value);
        Assert.Equal(new[] { 30 }, (await good2.WaitAsync(Bound, TestContext.Current.CancellationToken)).Value);
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => bad);
        Assert.Contains("negative", ex.Message, StringComparison.Ordinal);
        await running;
    }

    [Fact]
    public void RunAsync_MoreRowsThanMaxBatchSize_ThrowsArgumentExceptionNamingTheLimit()
    {
        using var model = new HeldModel(held: false);
        using var batcher = model.Batcher(new ServingPolicy(1, 4, true, TimeSpan.Zero, 0));

        var ex = Assert.Throws<ArgumentException>(() => { _ = batcher.RunAsync([1, 2, 3, 4, 5], CancellationToken.None); });

        Assert.Contains("max_batch_size", ex.Message, StringComparison.Ordinal);
        Assert.Contains("5 rows", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TwoInstances_RunTwoBatchesAtOnce()
    {
        using var model = new HeldModel();
        using var batcher = model.Batcher(new ServingPolicy(2, 64, true, TimeSpan.Zero, 0));

        var a = batcher.RunAsync([1], CancellationToken.None);
        await model.Entered.WaitAsync(Bound, TestContext.Current.CancellationToken);
        var b = batcher.RunAsync([2], CancellationToken.None);
        await model.Entered.WaitAsync(Bound, TestContext.Current.CancellationToken);

        Assert.Equal(2, model.Running);
        model.ReleaseAll();
        await Task.WhenAll(a, b).WaitAsync(Bound, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task RunAsync_BatchingOff_EachRunTakesOneRequest()
    {
        using var model = new HeldModel();
        using var batcher = model.Batcher(new ServingPolicy(1, 64, false, TimeSpan.Zero, 0));
        var first = batcher.RunAsync([1], CancellationToken.None);
        await model.Entered.WaitAsync(Bound, TestContext.Current.CancellationToken);
        var rest = Enumerable.Range(2, 3).Select(i => batcher.RunAsync([i], CancellationToken.None)).ToArray();
        await WaitUntil(() => batcher.Pending == 3);

        model.ReleaseAll();
        await Task.WhenAll([first, .. rest]).WaitAsync(Bound, TestContext.Current.CancellationToken);

        Assert.All(model.Runs, r => Assert.Single(r));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var bound = new CancellationTokenSource(Bound);
        while (!condition())
        {
            await Task.Delay(5, bound.Token);
        }
    }

    /// <summary>A model whose runs wait for the test (when held) and that records every batch it ran.</summary>
    private sealed class HeldModel(bool held = true) : IDisposable
    {
        private readonly ManualResetEventSlim _release = new(!held);
        private int _running;

        public SemaphoreSlim Entered { get; } = new(0);

        public List<IReadOnlyList<int[]>> Runs { get; } = [];

        public int Running => Volatile.Read(ref _running);

        public DynamicBatcher<int[], int[]> Batcher(ServingPolicy policy) => new("test model", policy, r => r.Length, Run);

        public void ReleaseAll() => _release.Set();

        public void Dispose()
        {
            _release.Set();
            _release.Dispose();
            Entered.Dispose();
        }

        private IReadOnlyList<int[]> Run(IReadOnlyList<int[]> batch)
        {
            Interlocked.Increment(ref _running);
            Entered.Release();
            try
            {
                _release.Wait(Bound);
                lock (Runs)
                {
                    Runs.Add(batch);
                }

                return batch.Any(r => r.Any(v => v < 0))
                    ? throw new ArgumentException("negative rows are not allowed")
                    : [.. batch.Select(r => r.Select(v => v * 10).ToArray())];
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }
    }
}

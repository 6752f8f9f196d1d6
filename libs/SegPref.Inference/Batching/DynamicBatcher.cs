using System.Diagnostics;

namespace SegPref.Inference.Batching;

/// <summary>
/// Triton's dynamic batcher for one model: requests wait in a bounded queue; whenever one of the
/// <see cref="ServingPolicy.InstanceCount"/> instances is free, the oldest requests that fit in
/// <see cref="ServingPolicy.MaxBatchSize"/> rows are combined into one run (never splitting a request), after waiting at
/// most <see cref="ServingPolicy.MaxQueueDelay"/> from the oldest one's arrival for a fuller batch. Results go back to
/// each request in its own order. A request cancelled while queued leaves the queue at once; a run that fails for a
/// batch of several requests is retried one request at a time, so one bad request fails alone.
/// </summary>
/// <typeparam name="TRequest">One request (rows along axis 0).</typeparam>
/// <typeparam name="TResult">One request's result.</typeparam>
public sealed class DynamicBatcher<TRequest, TResult> : IDisposable
{
    private readonly Lock _lock = new();
    private readonly LinkedList<Entry> _queue = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly SemaphoreSlim _instances;
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<TRequest, int> _rows;
    private readonly Func<IReadOnlyList<TRequest>, IReadOnlyList<TResult>> _run;
    private readonly InferenceMetrics? _metrics;
    private readonly string _label;

    /// <summary>Starts the scheduler.</summary>
    /// <param name="label">Names the model in errors, e.g. "segmenter teso/8".</param>
    /// <param name="policy">Instances, batch size, delay, queue bound.</param>
    /// <param name="rows">Rows (axis 0) of a request.</param>
    /// <param name="run">Runs the model once on several requests and returns one result per request, in order.</param>
    /// <param name="metrics">Triton metrics to record, or null.</param>
    public DynamicBatcher(string label, ServingPolicy policy, Func<TRequest, int> rows, Func<IReadOnlyList<TRequest>, IReadOnlyList<TResult>> run, InferenceMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        (_label, Policy, _rows, _run, _metrics) = (label, policy, rows, run, metrics);
        _instances = new SemaphoreSlim(policy.InstanceCount, policy.InstanceCount);
        _ = Task.Run(DispatchAsync);
    }

    /// <summary>The policy it runs under.</summary>
    public ServingPolicy Policy { get; }

    /// <summary>Requests waiting for an instance.</summary>
    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Queues <paramref name="request"/> and completes when its batch has run.</summary>
    /// <exception cref="ArgumentException">The request has no rows, or more than max_batch_size.</exception>
    /// <exception cref="ModelQueueFullException">max_queue_size requests are already waiting.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> fired before the result was ready.</exception>
    public Task<BatchResult<TResult>> RunAsync(TRequest request, CancellationToken ct)
    {
        var rows = _rows(request);
        if (rows < 1 || rows > Policy.MaxBatchSize)
        {
            throw new ArgumentException(
                $"{_label}: a request of {rows} rows is outside 1..{Policy.MaxBatchSize} (max_batch_size in config.json, or Models:MaxBatchSize); send fewer frames.",
                nameof(request));
        }

        ct.ThrowIfCancellationRequested();
        var entry = new Entry(request, rows, Stopwatch.GetTimestamp());
        lock (_lock)
        {
            if (Policy.MaxQueueSize > 0 && _queue.Count >= Policy.MaxQueueSize)
            {
                _metrics?.Failed("REJECTED");
                throw new ModelQueueFullException(
                    $"{_label}: the queue is full ({Policy.MaxQueueSize} requests waiting, dynamic_batching.max_queue_size); retry later or add instances.");
            }

            entry.Node = _queue.AddLast(entry);
        }

        _metrics?.Queued();
        if (ct.CanBeCanceled)
        {
            entry.Registration = ct.Register(() => Cancel(entry, ct));
        }

        _arrived.Release();
        return entry.Completion.Task;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _stop.Cancel();
        List<Entry> left;
        lock (_lock)
        {
            left = [.. _queue];
            _queue.Clear();
        }

        foreach (var entry in left)
        {
            entry.Completion.TrySetException(new ObjectDisposedException(_label, "The model was unloaded before this request ran."));
        }
    }

    private void Cancel(Entry entry, CancellationToken ct)
    {
        var removed = false;
        lock (_lock)
        {
            if (entry.Node?.List is not null)
            {
                _queue.Remove(entry.Node);
                removed = true;
            }
        }

        if (removed)
        {
            _metrics?.LeftQueue(1);
            _metrics?.Failed("CANCELED");
        }

        entry.Completion.TrySetCanceled(ct);
    }

    private async Task DispatchAsync()
    {
        var token = _stop.Token;
        try
        {
            while (true)
            {
                await _instances.WaitAsync(token).ConfigureAwait(false);
                var batch = await NextBatchAsync(token).ConfigureAwait(false);
                _metrics?.LeftQueue(batch.Count);
                _ = Task.Run(() => Execute(batch), CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    private async Task<List<Entry>> NextBatchAsync(CancellationToken token)
    {
        while (true)
        {
            long oldest;
            while (!TryPeekOldest(out oldest))
            {
                await _arrived.WaitAsync(token).ConfigureAwait(false);
            }

            // Wait for a fuller batch only while one is possible and the oldest request has time left.
            while (Policy.Batching && !IsFull())
            {
                var remaining = Policy.MaxQueueDelay - Stopwatch.GetElapsedTime(oldest);
                if (remaining <= TimeSpan.Zero || !await _arrived.WaitAsync(remaining, token).ConfigureAwait(false))
                {
                    break;
                }
            }

            var batch = Take();
            if (batch.Count > 0)
            {
                return batch;
            }
        }
    }

    private bool TryPeekOldest(out long arrived)
    {
        lock (_lock)
        {
            arrived = _queue.First?.Value.Arrived ?? 0;
            return _queue.First is not null;
        }
    }

    private bool IsFull()
    {
        lock (_lock)
        {
            var rows = 0;
            foreach (var entry in _queue)
            {
                if (rows + entry.Rows > Policy.MaxBatchSize)
                {
                    return true;
                }

                rows += entry.Rows;
            }

            return rows == Policy.MaxBatchSize;
        }
    }

    private List<Entry> Take()
    {
        var batch = new List<Entry>();
        lock (_lock)
        {
            var rows = 0;
            while (_queue.First is { } node && (batch.Count == 0 || (Policy.Batching && rows + node.Value.Rows <= Policy.MaxBatchSize)))
            {
                _queue.RemoveFirst();
                rows += node.Value.Rows;
                batch.Add(node.Value);
            }
        }

        return batch;
    }

    private void Execute(List<Entry> batch)
    {
        try
        {
            if (!TryRun(batch) && batch.Count > 1)
            {
                // Isolate the failure: each request runs alone and only the bad one fails.
                foreach (var entry in batch)
                {
                    TryRun([entry]);
                }
            }
        }
        finally
        {
            _instances.Release();
        }
    }

    private bool TryRun(List<Entry> batch)
    {
        var start = Stopwatch.GetTimestamp();
        IReadOnlyList<TResult> results;
        try
        {
            results = _run([.. batch.Select(e => e.Request)]);
            if (results.Count != batch.Count)
            {
                throw new InvalidOperationException($"{_label}: the model returned {results.Count} results for {batch.Count} requests.");
            }
        }
#pragma warning disable CA1031 // Any model failure goes back to the requests it concerns.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (batch.Count == 1)
            {
                _metrics?.Failed("BACKEND");
                batch[0].Completion.TrySetException(ex);
                batch[0].Registration.Dispose();
            }

            return false;
        }

        var compute = Stopwatch.GetElapsedTime(start);
        var rows = batch.Sum(e => e.Rows);
        _metrics?.Executed(rows);
        for (var i = 0; i < batch.Count; i++)
        {
            var entry = batch[i];
            var queue = Stopwatch.GetElapsedTime(entry.Arrived, start);
            entry.Registration.Dispose();
            if (entry.Completion.TrySetResult(new BatchResult<TResult>(results[i], queue.TotalMilliseconds, compute.TotalMilliseconds, rows, batch.Count)))
            {
                _metrics?.Succeeded((long)queue.TotalMicroseconds, (long)compute.TotalMicroseconds);
            }
            else
            {
                _metrics?.Failed("CANCELED");
            }
        }

        return true;
    }

    private sealed class Entry(TRequest request, int rows, long arrived)
    {
        public TRequest Request { get; } = request;

        public int Rows { get; } = rows;

        public long Arrived { get; } = arrived;

        public LinkedListNode<Entry>? Node { get; set; }

        public CancellationTokenRegistration Registration { get; set; }

        public TaskCompletionSource<BatchResult<TResult>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

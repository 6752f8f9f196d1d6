using Microsoft.Extensions.Options;

namespace SegPref.Serving.Inputs;

/// <summary>
/// The service's budget of decoded bytes in flight (Limits:MaxDecodedBytes): a weighted, first-come-first-served
/// semaphore over bytes. A request reserves what its headers say it will decode before decoding, and gives it back
/// when its work is done; waiting honours the caller's cancellation and deadline.
/// </summary>
public sealed class DecodeBudget
{
    private readonly Lock _lock = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private long _available;

    /// <summary>Creates the budget from the service's limits.</summary>
    public DecodeBudget(IOptions<InputLimitsOptions> limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        Capacity = limits.Value.MaxDecodedBytes;
        _available = Capacity;
    }

    /// <summary>The whole budget in bytes.</summary>
    public long Capacity { get; }

    /// <summary>Bytes reserved right now.</summary>
    public long InUse
    {
        get
        {
            lock (_lock)
            {
                return Capacity - _available;
            }
        }
    }

    /// <summary>Reserves <paramref name="bytes"/>; the lease gives them back when disposed.</summary>
    /// <param name="bytes">What the request will hold decoded.</param>
    /// <param name="what">Names the request's data in the error ("frames: 16 images of 4096x4096").</param>
    /// <param name="ct">The caller's cancellation (deadline).</param>
    /// <exception cref="ResourceLimitException">More than the whole budget.</exception>
    public async ValueTask<IDisposable> ReserveAsync(long bytes, string what, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        if (bytes > Capacity)
        {
            throw new ResourceLimitException(
                $"{what} need {Megabytes(bytes)} of decoded memory, more than this service's budget of {Megabytes(Capacity)} (Limits:MaxDecodedBytes); send fewer or smaller images, or shorter audio.");
        }

        Waiter waiter;
        lock (_lock)
        {
            if (_waiters.Count == 0 && _available >= bytes)
            {
                _available -= bytes;
                return new Lease(this, bytes);
            }

            waiter = new Waiter(bytes);
            waiter.Node = _waiters.AddLast(waiter);
        }

        using (ct.Register(() => Cancel(waiter)))
        {
            await waiter.Granted.Task.ConfigureAwait(false);
        }

        return new Lease(this, bytes);
    }

    private void Cancel(Waiter waiter)
    {
        lock (_lock)
        {
            if (waiter.Node?.List is null)
            {
                return;
            }

            _waiters.Remove(waiter.Node);
            GrantWaiting();
        }

        waiter.Granted.TrySetCanceled();
    }

    private void Release(long bytes)
    {
        lock (_lock)
        {
            _available += bytes;
            GrantWaiting();
        }
    }

    // First come, first served: a large request at the head is not overtaken by small ones (no starvation).
    private void GrantWaiting()
    {
        while (_waiters.First is { } first && first.Value.Bytes <= _available)
        {
            _available -= first.Value.Bytes;
            _waiters.RemoveFirst();
            first.Value.Granted.TrySetResult();
        }
    }

    internal static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):F1} MB";

    private sealed class Waiter(long bytes)
    {
        public long Bytes { get; } = bytes;

        public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }
    }

    private sealed class Lease(DecodeBudget budget, long bytes) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                budget.Release(bytes);
            }
        }
    }
}

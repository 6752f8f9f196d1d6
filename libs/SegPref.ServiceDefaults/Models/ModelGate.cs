namespace SegPref.ServiceDefaults.Models;

/// <summary>
/// Serialises calls into one model: the model interfaces are not documented thread-safe, so concurrent requests queue
/// here (waiting honours the caller's cancellation, so an abandoned request leaves the queue).
/// </summary>
/// <typeparam name="T">The model interface.</typeparam>
public sealed class ModelGate<T>(T model) : IDisposable
    where T : class
{
    private readonly SemaphoreSlim _lock = new(1, 1);

    /// <summary>The model (read its identity and sizes freely; call it only through <see cref="RunAsync"/>).</summary>
    public T Model { get; } = model ?? throw new ArgumentNullException(nameof(model));

    /// <summary>Runs <paramref name="call"/> alone on the thread pool once the model is free.</summary>
    public async Task<TResult> RunAsync<TResult>(Func<T, TResult> call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await Task.Run(() => call(Model), ct).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _lock.Dispose();
}

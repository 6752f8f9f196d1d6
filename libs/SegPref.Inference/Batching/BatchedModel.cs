using SegPref.Inference.Abstractions;

namespace SegPref.Inference.Batching;

/// <summary>
/// One served model behind its <see cref="DynamicBatcher{TRequest, TResult}"/>: what services call instead of the
/// model itself. <see cref="Model"/> may be read freely (identity, sizes); runs go through <see cref="RunAsync"/>.
/// </summary>
/// <typeparam name="TModel">The model interface.</typeparam>
/// <typeparam name="TRequest">One request.</typeparam>
/// <typeparam name="TResult">One request's result.</typeparam>
public sealed class BatchedModel<TModel, TRequest, TResult> : IDisposable
    where TModel : IServedModel
{
    private readonly DynamicBatcher<TRequest, TResult> _batcher;

    /// <summary>Wraps <paramref name="model"/>; <paramref name="run"/> runs it once on several requests.</summary>
    public BatchedModel(TModel model, string role, ServingPolicy policy, Func<TRequest, int> rows, Func<TModel, IReadOnlyList<TRequest>, IReadOnlyList<TResult>> run, bool recordMetrics = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(run);
        Model = model;
        _batcher = new DynamicBatcher<TRequest, TResult>(
            $"{role} {model.Identity}", policy, rows, batch => run(model, batch), recordMetrics ? new InferenceMetrics(model.Identity) : null);
    }

    /// <summary>The model.</summary>
    public TModel Model { get; }

    /// <summary>Its identity.</summary>
    public ModelIdentity Identity => Model.Identity;

    /// <summary>The policy it serves under.</summary>
    public ServingPolicy Policy => _batcher.Policy;

    /// <summary>Requests waiting for an instance.</summary>
    public int Pending => _batcher.Pending;

    /// <summary>Runs one request in the next batch that has room for it.</summary>
    /// <exception cref="ArgumentException">Too many rows for max_batch_size.</exception>
    /// <exception cref="ModelQueueFullException">The queue is full.</exception>
    public Task<BatchResult<TResult>> RunAsync(TRequest request, CancellationToken ct) => _batcher.RunAsync(request, ct);

    /// <inheritdoc/>
    public void Dispose()
    {
        _batcher.Dispose();
        (Model as IDisposable)?.Dispose();
    }
}

using System.Collections.Concurrent;

namespace SegPref.ServiceDefaults.Models;

/// <summary>
/// Overrides of how each service creates its model, by model interface (e.g. IImageCaptioner). Services open their
/// model from the ONNX model repository (Models:Root) unless a host or a test sets a factory here. Kept free of the model types so that hosts without models (the gateway) do not
/// pull the inference runtime in.
/// </summary>
public sealed class ModelFactories
{
    private readonly ConcurrentDictionary<Type, Func<IServiceProvider, object>> _factories = new();

    /// <summary>Sets the factory of model interface <typeparamref name="T"/>.</summary>
    public ModelFactories Set<T>(Func<IServiceProvider, T> factory)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        _factories[typeof(T)] = factory;
        return this;
    }

    /// <summary>Creates the <typeparamref name="T"/> model when a factory is set (tests, custom hosts), else returns null.</summary>
    public T? TryCreate<T>(IServiceProvider services)
        where T : class =>
        _factories.TryGetValue(typeof(T), out var factory) ? factory(services) as T : null;

    /// <summary>Creates the <typeparamref name="T"/> model or explains that none is configured.</summary>
    /// <exception cref="InvalidOperationException">No factory for <typeparamref name="T"/>, or it returned null.</exception>
    public T Create<T>(IServiceProvider services, string role)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!_factories.TryGetValue(typeof(T), out var factory))
        {
            throw new InvalidOperationException(
                $"No {role} model is configured: set a ModelFactories factory for {typeof(T).Name} (or open it from the model repository).");
        }

        return factory(services) as T ?? throw new InvalidOperationException($"The {role} model factory did not return a {typeof(T).Name}.");
    }
}

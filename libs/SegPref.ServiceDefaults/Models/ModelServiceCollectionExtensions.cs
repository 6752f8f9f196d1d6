using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SegPref.ServiceDefaults.Models;

/// <summary>
/// Registers a served model (or a set of models in one role): a singleton made by a factory, warmed up in the
/// background, gating readiness. Concurrency and batching are the model's own (its batcher), not the container's.
/// </summary>
public static class ModelServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="T"/> as a singleton created by <paramref name="factory"/> and warmed up by <paramref name="warmup"/>.</summary>
    /// <param name="services">The container.</param>
    /// <param name="role">Model role, reported by health while loading.</param>
    /// <param name="factory">Creates the model (loading files, sessions).</param>
    /// <param name="warmup">One call that proves the model works.</param>
    public static IServiceCollection AddServedModel<T>(this IServiceCollection services, string role, Func<IServiceProvider, T> factory, Action<T> warmup)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ModelFactories>();
        services.TryAddSingleton<ModelReadiness>();
        services.AddSingleton(new ExpectedModel(role));
        services.AddSingleton(new ModelWarmup<T>(role, warmup));
        services.AddSingleton(factory);
        services.AddHostedService<ModelWarmupService<T>>();
        return services;
    }
}

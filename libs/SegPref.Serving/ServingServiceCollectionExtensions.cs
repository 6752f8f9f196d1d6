using Grpc.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SegPref.Inference;
using SegPref.Inference.Abstractions;
using SegPref.Inference.Batching;
using SegPref.Inference.Serving;
using SegPref.ServiceDefaults.Hosting;
using SegPref.Serving.Inputs;
using SegPref.ServiceDefaults.Models;

namespace SegPref.Serving;

/// <summary>Registers the models of one role: opened once, each behind its batcher, warmed up before SERVING.</summary>
public static partial class ServingServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="ModelSet{TModel, TRequest, TResult}"/> for <paramref name="role"/>: the model a host or
    /// test sets in <see cref="ModelFactories"/>, else the repository entries the Models section selects; each model
    /// gets one warm-up call. A full queue answers RESOURCE_EXHAUSTED and an unknown model NOT_FOUND.
    /// </summary>
    public static IServiceCollection AddModelSet<TModel, TRequest, TResult>(
        this IServiceCollection services,
        IConfiguration configuration,
        string role,
        string kind,
        string defaultName,
        Func<TModel, string, ServingPolicy, BatchedModel<TModel, TRequest, TResult>> batch,
        Action<TModel> warmup)
        where TModel : class, IServedModel
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(warmup);
        services.AddInputLimits(configuration);
        services.AddExceptionStatus<ModelQueueFullException>(StatusCode.ResourceExhausted);
        services.AddExceptionStatus<ModelNotFoundException>(StatusCode.NotFound);
        var settings = configuration.GetSection(ServedModelSettings.SectionName).Get<ServedModelSettings>() ?? new ServedModelSettings();
        return services.AddServedModel<ModelSet<TModel, TRequest, TResult>>(
            role,
            sp =>
            {
                var set = settings.OpenSet(role, kind, defaultName, sp.GetRequiredService<ModelFactories>().TryCreate<TModel>(sp), batch);
                var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger(InferenceMetrics.MeterName);
                foreach (var model in set.All)
                {
                    LogServing(log, role, model.Identity, model == set.Default, model.Policy);
                }

                return set;
            },
            set =>
            {
                foreach (var model in set.All)
                {
                    warmup(model.Model);
                }
            });
    }

    /// <summary>Binds and validates (at start) the request limits (section "Limits"), and registers the decode budget and the input decoder.</summary>
    public static IServiceCollection AddInputLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InputLimitsOptions>()
            .Bind(configuration.GetSection(InputLimitsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<DecodeBudget>();
        services.TryAddSingleton<InputDecoder>();
        services.AddExceptionStatus<ResourceLimitException>(StatusCode.ResourceExhausted);
        return services;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving {Role} {Model} (default: {IsDefault}): {Policy}")]
    private static partial void LogServing(ILogger logger, string role, ModelIdentity model, bool isDefault, ServingPolicy policy);
}

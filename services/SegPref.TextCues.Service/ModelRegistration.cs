using SegPref.Inference.Abstractions;
using SegPref.Cues;
using SegPref.Inference.Batching;
using SegPref.Inference.Repository;
using SegPref.Serving;
using SegPref.ServiceDefaults.Models;

namespace SegPref.TextCues.Service;

/// <summary>Where the cue backend (lexicon or OpenAI-compatible LLM) and the cue encoder come from.</summary>
public static class ModelRegistration
{
    /// <summary>Role of the cue (text) encoder.</summary>
    public const string EncoderRole = "cue-encoder";

    /// <summary>Role of the cue backend (reported in health while it is created).</summary>
    public const string BackendRole = "cue-backend";

    /// <summary>Named HttpClient of the "openai" backend.</summary>
    public const string OpenAiClientName = "textcues-openai";

    public static IServiceCollection AddTextCueModels(this IServiceCollection services, IConfiguration configuration)
    {
        var backend = configuration.GetSection(TextCueOptions.SectionName).Get<TextCueOptions>() ?? new TextCueOptions();

        // The backend (and its fallback) is built during warm-up, so a bad TextCues section stops the process at start.
        // Its warm-up does not call the LLM: a server that is down later is answered per request, with UNAVAILABLE or,
        // with TextCues:Fallback, by the fallback (flagged in the reply).
        services.AddSingleton(_ => new CueBackendFallback(TextCueExtractorFactory.CreateFallback(backend)));
        services.AddServedModel<ITextCueExtractor>(
            BackendRole,
            sp =>
            {
                _ = sp.GetRequiredService<CueBackendFallback>();
                return TextCueExtractorFactory.Create(backend, sp.GetRequiredService<IHttpClientFactory>().CreateClient(OpenAiClientName));
            },
            extractor => ArgumentException.ThrowIfNullOrEmpty(extractor.BackendName));

        // Opened by kind and architecture: our cue encoder, or a third-party text encoder ("text-encoder").
        return services.AddModelSet(
            configuration,
            EncoderRole,
            ModelKinds.CueEncoder,
            ModelKinds.CueEncoder,
            (ICueEmbedder model, string role, ServingPolicy policy) => Batches.CueEncoder(model, role, policy),
            model => model.Embed([Cues.TextCues.Empty.ToSlots()]));
    }
}

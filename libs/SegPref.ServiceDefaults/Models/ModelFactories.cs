using SegPref.Inference.Abstractions;

namespace SegPref.ServiceDefaults.Models;

/// <summary>
/// How each service creates its model. Until the ONNX model repository is wired in, a host (or a test) sets the
/// delegate of the model it serves; a service whose delegate is missing fails at start-up with a clear message.
/// </summary>
public sealed class ModelFactories
{
    /// <summary>Creates the captioner.</summary>
    public Func<IServiceProvider, IImageCaptioner>? Captioner { get; set; }

    /// <summary>Creates the cue (text) encoder.</summary>
    public Func<IServiceProvider, ICueEmbedder>? CueEmbedder { get; set; }

    /// <summary>Creates the audio encoder.</summary>
    public Func<IServiceProvider, IAudioEmbedder>? AudioEmbedder { get; set; }

    /// <summary>Creates the segmenter.</summary>
    public Func<IServiceProvider, IMaskSegmenter>? Segmenter { get; set; }

    /// <summary>Runs <paramref name="factory"/> or explains that no model source is configured.</summary>
    /// <exception cref="InvalidOperationException">No factory for <paramref name="role"/>.</exception>
    public static T Create<T>(Func<IServiceProvider, T>? factory, IServiceProvider services, string role)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(services);
        if (factory is null)
        {
            throw new InvalidOperationException(
                $"No {role} model is configured: register a ModelFactories delegate for {typeof(T).Name} (or open it from the model repository).");
        }

        return factory(services) ?? throw new InvalidOperationException($"The {role} model factory returned null.");
    }
}

using SegPref.Inference.Abstractions;
using SegPref.Inference.Onnx;
using SegPref.Inference.Repository;
using SegPref.Inference.Sessions;

namespace SegPref.Inference;

/// <summary>
/// The one loader of every role, keyed by config.json's kind and architecture: an entry is opened by the loader
/// registered for its (kind, architecture), else by its kind's default. A third-party text encoder in the cue slot
/// (architecture "text-encoder") or a vision-encoder-decoder captioner is served by the same call as our exports.
/// </summary>
public static class ModelLoader
{
    private const string AnyArchitecture = "*";

    private static readonly Dictionary<(string Kind, string Architecture), Func<ModelEntry, InferenceOptions, IServedModel>> Loaders = new()
    {
        [(ModelKinds.Segmenter, AnyArchitecture)] = (e, o) => Single(e, o, m => new OnnxSegmenter(m)),
        [(ModelKinds.AudioEncoder, AnyArchitecture)] = (e, o) => Single(e, o, m => new OnnxAudioEmbedder(m)),
        [(ModelKinds.CueEncoder, AnyArchitecture)] = (e, o) => Single(e, o, m => new OnnxCueEmbedder(m)),
        [(ModelKinds.CueEncoder, OnnxTextCueEmbedder.Architecture)] = (e, o) => Single(e, o, m => new OnnxTextCueEmbedder(m)),
        [(ModelKinds.Captioner, AnyArchitecture)] = (e, o) => EncoderDecoder(e, o, (enc, dec) => new OnnxCaptioner(enc, dec)),
        [(ModelKinds.Captioner, OnnxVisionEncoderDecoderCaptioner.Architecture)] = (e, o) => EncoderDecoder(e, o, (enc, dec) => new OnnxVisionEncoderDecoderCaptioner(enc, dec)),
    };

    /// <summary>Opens models/<paramref name="name"/>/<paramref name="version"/> (null = highest) of kind <paramref name="kind"/> as <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidDataException">No such entry, a bad config.json or graph, or an entry that is not a <typeparamref name="T"/>.</exception>
    public static T Load<T>(string root, string name, string? version, string kind, InferenceOptions options)
        where T : class, IServedModel =>
        Load<T>(ModelEntry.Find(root, name, version, kind), options);

    /// <summary>Opens <paramref name="entry"/> with the loader of its kind and architecture.</summary>
    /// <exception cref="InvalidDataException">A bad graph, or an entry that is not a <typeparamref name="T"/>.</exception>
    public static T Load<T>(ModelEntry entry, InferenceOptions options)
        where T : class, IServedModel
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(options);
        var c = entry.Config;
        var loader = Loaders.GetValueOrDefault((c.Kind, c.Architecture)) ?? Loaders[(c.Kind, AnyArchitecture)];
        var model = loader(entry, options);
        if (model is T typed)
        {
            return typed;
        }

        (model as IDisposable)?.Dispose();
        throw new InvalidDataException($"{entry.Dir}: a {c.Kind} ({c.Architecture}) is not a {typeof(T).Name}.");
    }

    private static IServedModel Single(ModelEntry entry, InferenceOptions options, Func<OnnxModel, IServedModel> create)
    {
        var model = OnnxModel.Open(entry, options);
        try
        {
            return create(model);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private static IServedModel EncoderDecoder(ModelEntry entry, InferenceOptions options, Func<OnnxModel, OnnxModel, IServedModel> create)
    {
        var encoder = OnnxModel.Open(entry, options);
        OnnxModel? decoder = null;
        try
        {
            decoder = OnnxModel.Open(entry, options, OnnxCaptioner.DecoderRole);
            return create(encoder, decoder);
        }
        catch
        {
            encoder.Dispose();
            decoder?.Dispose();
            throw;
        }
    }
}

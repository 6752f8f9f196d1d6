using SegPref.Inference.Abstractions;
using SegPref.Inference.Repository;
using SegPref.Inference.Sessions;

namespace SegPref.Inference;

/// <summary>
/// A Triton-like model repository models/&lt;name&gt;/&lt;version&gt;/ opened with ONNX Runtime. <see cref="Open"/> loads the
/// conventional entries that exist (audio-encoder, captioner, cue-encoder, teso); services open only the one they serve
/// with <see cref="OpenAudioEncoder"/>, <see cref="OpenCueEncoder"/>, <see cref="OpenSegmenter"/>.
/// </summary>
public sealed class ModelRepository : IDisposable
{
    private readonly List<IDisposable> _owned = [];
    private readonly IAudioEmbedder? _audio;
    private readonly ICueEmbedder? _cues;
    private readonly IMaskSegmenter? _segmenter;
    private readonly IImageCaptioner? _captioner;

    private ModelRepository(string root, InferenceOptions options)
    {
        Root = root;
        try
        {
            _audio = IfPresent(ModelKinds.AudioEncoder, () => OpenAudioEncoder(root, options));
            _cues = IfPresent(ModelKinds.CueEncoder, () => OpenAnyCueEncoder(root, options));
            _segmenter = IfPresent(ModelKinds.TesoName, () => OpenSegmenter(root, options));
            _captioner = IfPresent(ModelKinds.Captioner, () => OpenCaptioner(root, options));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The repository root.</summary>
    public string Root { get; }

    /// <summary>models/audio-encoder.</summary>
    /// <exception cref="InvalidOperationException">The repository has no such model.</exception>
    public IAudioEmbedder AudioEncoder => _audio ?? throw Missing(ModelKinds.AudioEncoder);

    /// <summary>models/cue-encoder.</summary>
    /// <exception cref="InvalidOperationException">The repository has no such model.</exception>
    public ICueEmbedder CueEncoder => _cues ?? throw Missing(ModelKinds.CueEncoder);

    /// <summary>models/teso.</summary>
    /// <exception cref="InvalidOperationException">The repository has no such model.</exception>
    public IMaskSegmenter Segmenter => _segmenter ?? throw Missing(ModelKinds.TesoName);

    /// <summary>models/captioner.</summary>
    /// <exception cref="InvalidOperationException">The repository has no such model.</exception>
    public IImageCaptioner Captioner => _captioner ?? throw Missing(ModelKinds.Captioner);

    /// <summary>Opens every conventional model present under <paramref name="root"/> (versions from <see cref="InferenceOptions.Versions"/>, else the highest).</summary>
    /// <exception cref="InvalidDataException">No such root, or an entry that is present but invalid.</exception>
    public static ModelRepository Open(string root, InferenceOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentNullException.ThrowIfNull(options);
        if (!Directory.Exists(root))
        {
            throw new InvalidDataException($"{root}: model repository not found.");
        }

        return new ModelRepository(root, options);
    }

    /// <summary>Opens an audio encoder entry (default models/audio-encoder, highest version).</summary>
    public static OnnxAudioEmbedder OpenAudioEncoder(string root, InferenceOptions options, string? name = null, string? version = null) =>
        Open<OnnxAudioEmbedder>(root, options, name ?? ModelKinds.AudioEncoder, version, ModelKinds.AudioEncoder);

    /// <summary>Opens a cue encoder entry (default models/cue-encoder) of our exported architecture.</summary>
    public static OnnxCueEmbedder OpenCueEncoder(string root, InferenceOptions options, string? name = null, string? version = null) =>
        Open<OnnxCueEmbedder>(root, options, name ?? ModelKinds.CueEncoder, version, ModelKinds.CueEncoder);

    /// <summary>Opens a third-party text-encoder entry (architecture "text-encoder", default models/cue-encoder) as the cue embedder.</summary>
    public static OnnxTextCueEmbedder OpenTextEncoder(string root, InferenceOptions options, string? name = null, string? version = null) =>
        Open<OnnxTextCueEmbedder>(root, options, name ?? ModelKinds.CueEncoder, version, ModelKinds.CueEncoder);

    /// <summary>Opens a segmenter entry (default models/teso).</summary>
    public static OnnxSegmenter OpenSegmenter(string root, InferenceOptions options, string? name = null, string? version = null) =>
        Open<OnnxSegmenter>(root, options, name ?? ModelKinds.TesoName, version, ModelKinds.Segmenter);

    /// <summary>
    /// Opens a captioner entry (default models/captioner): its encoder ("model") and decoder graphs, as an
    /// <see cref="OnnxVisionEncoderDecoderCaptioner"/> when config.json's architecture is "vision-encoder-decoder",
    /// else as our exported <see cref="OnnxCaptioner"/>. The result is <see cref="IDisposable"/>.
    /// </summary>
    public static IImageCaptioner OpenCaptioner(string root, InferenceOptions options, string? name = null, string? version = null) =>
        Open<IImageCaptioner>(root, options, name ?? ModelKinds.Captioner, version, ModelKinds.Captioner);

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _owned.Clear();
    }

    private static T Open<T>(string root, InferenceOptions options, string name, string? version, string kind)
        where T : class, IServedModel
    {
        ArgumentNullException.ThrowIfNull(options);
        return ModelLoader.Load<T>(root, name, version ?? options.Versions.GetValueOrDefault(name), kind, options);
    }

    // The cue slot takes either our exported cue encoder or a third-party text encoder, by config.json's architecture.
    private static ICueEmbedder OpenAnyCueEncoder(string root, InferenceOptions options) =>
        Open<ICueEmbedder>(root, options, ModelKinds.CueEncoder, null, ModelKinds.CueEncoder);

    private T? IfPresent<T>(string name, Func<T> open)
        where T : class
    {
        if (!Directory.Exists(Path.Combine(Root, name)))
        {
            return null;
        }

        var value = open();
        if (value is IDisposable d)
        {
            _owned.Add(d);
        }

        return value;
    }

    private InvalidOperationException Missing(string name) => new($"{Path.Combine(Root, name)}: the repository has no '{name}' model (export one with `segpref export`).");
}

using SegPref.Media.Imaging;
using SegPref.Models.Torch;
using SegPref.Models.Training;

namespace SegPref.Models.Captioning;

/// <summary>A trained captioner loaded from its run folder (config.json, vocab.json, weights).</summary>
public sealed class CaptionerRun : IDisposable
{
    private CaptionerRun(Captioner model, CaptionVocabulary vocabulary, CaptionerRunConfig config)
    {
        Model = model;
        Vocabulary = vocabulary;
        Config = config;
    }

    /// <summary>The model (eval mode).</summary>
    public Captioner Model { get; }

    /// <summary>The word vocabulary.</summary>
    public CaptionVocabulary Vocabulary { get; }

    /// <summary>The run's config.json.</summary>
    public CaptionerRunConfig Config { get; }

    /// <summary>Writes config.json, vocab.json and the weights of <paramref name="model"/> into <paramref name="runDir"/>.</summary>
    public static void Save(string runDir, Captioner model, CaptionVocabulary vocabulary, CaptionerRunConfig config)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(config);
        Directory.CreateDirectory(runDir);
        config.Save(runDir);
        vocabulary.Save(Path.Combine(runDir, config.VocabularyFile));
        WeightsFile.Save(model, Path.Combine(runDir, config.WeightsFile));
    }

    /// <summary>Re-creates the model from config.json + vocab.json and loads its weights.</summary>
    /// <exception cref="InvalidDataException">A file is missing or malformed, or the weights do not fit the config.</exception>
    public static CaptionerRun Load(string runDir)
    {
        ArgumentException.ThrowIfNullOrEmpty(runDir);
        if (!Directory.Exists(runDir))
        {
            throw new InvalidDataException($"{runDir}: captioner run folder not found.");
        }

        TorchRuntime.EnsureInitialized();
        var config = CaptionerRunConfig.Load(runDir);
        var vocabulary = CaptionVocabulary.Load(Path.Combine(runDir, config.VocabularyFile));
        if (vocabulary.Count != config.Model.VocabularySize)
        {
            throw new InvalidDataException($"{runDir}: vocab.json has {vocabulary.Count} words but config.json says {config.Model.VocabularySize}.");
        }

        var weights = Path.Combine(runDir, config.WeightsFile);
        if (!File.Exists(weights))
        {
            throw new InvalidDataException($"{weights}: weights file not found.");
        }

        Captioner model;
        try
        {
            model = new Captioner(config.Model);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"{runDir}/{CaptionerRunConfig.FileName}: {ex.Message}", ex);
        }

        try
        {
            model.load(weights, strict: true);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException or EndOfStreamException)
        {
            model.Dispose();
            throw new InvalidDataException($"{weights}: weights do not match the model in config.json: {ex.Message}", ex);
        }

        model.eval();
        return new CaptionerRun(model, vocabulary, config);
    }

    /// <summary>One description per frame, in order.</summary>
    public IReadOnlyList<string> Describe(IReadOnlyList<RgbImage> frames, DecodeOptions options) =>
        CaptionDecoding.Describe(Model, Vocabulary, frames, options);

    /// <inheritdoc/>
    public void Dispose() => Model.Dispose();
}

using SegPref.Avs.Data;
using SegPref.Media.Audio;

namespace SegPref.Models.Segmentation.Training;

/// <summary>
/// Evaluates one segmenter run on a dataset: loads the run and its frozen encoders (paths from segmenter.json unless
/// overridden) once, keeps decoded frames per split, and scores any split under any audio condition.
/// </summary>
public sealed class EvaluationContext : IDisposable
{
    private readonly Dictionary<string, SegmentationFrames> _frames = [];
    private readonly FeatureCache _cache;
    private readonly IProgress<(string Stage, int Done, int Total)>? _stages;
    private float[]? _silence;

    private EvaluationContext(AvsData data, Segmenter model, SegmenterRunConfig config, FrozenEncoders encoders, FeatureCache cache, IProgress<(string, int, int)>? stages)
    {
        Data = data;
        Model = model;
        Config = config;
        Encoders = encoders;
        _cache = cache;
        _stages = stages;
    }

    /// <summary>The dataset (any layout <see cref="AvsData"/> reads).</summary>
    public AvsData Data { get; }

    /// <summary>The segmenter (eval mode, best weights).</summary>
    public Segmenter Model { get; }

    /// <summary>Its segmenter.json.</summary>
    public SegmenterRunConfig Config { get; }

    /// <summary>Its frozen encoders.</summary>
    public FrozenEncoders Encoders { get; }

    /// <summary>The run's cue source.</summary>
    public CueSource Cues => SegmentationExperiment.ParseCues(Config.Cues);

    /// <summary>
    /// Opens <paramref name="runDir"/> on <paramref name="dataDir"/> (its layout detected unless <paramref name="format"/>
    /// names it); <paramref name="encoders"/> overrides the encoder paths recorded in the run.
    /// </summary>
    /// <exception cref="InvalidDataException">An encoder's weights differ from those the run was trained with, or the data is not a dataset segpref reads.</exception>
    public static EvaluationContext Open(
        string dataDir, string runDir, string? cacheDir, EncoderRunPaths? encoders = null, IProgress<(string, int, int)>? stages = null,
        Func<string, SegmentationFrames>? sharedFrames = null, AvsDataFormat? format = null)
    {
        var (model, config) = SegmenterRun.Load(runDir);
        try
        {
            var paths = encoders ?? new EncoderRunPaths(config.Encoders.Audio, config.Encoders.Cues, config.Encoders.Captioner);
            if (config.Cues == SegmentationExperiment.CueName(CueSource.GroundTruth))
            {
                paths = paths with { Captioner = null };
            }

            var loaded = FrozenEncoders.Load(paths, audioMap: config.Options.AudioMapChannels > 0);
            if (loaded.AudioFingerprint != config.Encoders.AudioFingerprint || loaded.CueFingerprint != config.Encoders.CueFingerprint
                || (config.Encoders.CaptionerFingerprint is { } cap && loaded.CaptionerFingerprint != cap))
            {
                loaded.Dispose();
                throw new InvalidDataException($"{runDir}: the encoder weights found ({paths}) are not the ones this run was trained with (fingerprints in segmenter.json).");
            }

            AvsData data;
            try
            {
                data = AvsData.Open(dataDir, format);
            }
            catch
            {
                loaded.Dispose();
                throw;
            }

            return new EvaluationContext(data, model, config, loaded, new FeatureCache(cacheDir), stages) { SharedFrames = sharedFrames };
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Optional provider of decoded frames shared between contexts (several runs on one dataset).</summary>
    public Func<string, SegmentationFrames>? SharedFrames { get; init; }

    /// <summary>The split under <paramref name="condition"/> with this run's cues.</summary>
    public SegmentationSplit Split(string split, string condition = AudioPerturbation.Normal)
    {
        if (!_frames.TryGetValue(split, out var frames))
        {
            frames = SharedFrames?.Invoke(split) ?? SegmentationFramesLoader.Load(Data, split, Config.Options.ImageSize);
            _frames[split] = frames;
        }

        return SegmentationExperiment.LoadSplit(Data, split, Config.Options.ImageSize, Encoders, Cues, condition, _cache, _stages, frames);
    }

    /// <summary>Scores the run on <paramref name="split"/> under <paramref name="condition"/>, with the per-frame audio reliance.</summary>
    public SegmentationScores Evaluate(string split, string condition = AudioPerturbation.Normal, Action<int, float[]>? onFrame = null) =>
        SegmentationEvaluator.Evaluate(Model, Split(split, condition), onFrame: onFrame, silence: Silence);

    /// <summary>The frozen audio encoder's embedding of one second of digital silence (the counterfactual's input).</summary>
    public float[] Silence => _silence ??= Encoders.SilenceEmbedding();

    /// <inheritdoc/>
    public void Dispose()
    {
        Model.Dispose();
        Encoders.Dispose();
    }
}

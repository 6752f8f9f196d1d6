using SegPref.Avs.Avss;
using SegPref.Media.Audio;
using SegPref.Models.Torch;
using SegPref.Models.Training;
using static TorchSharp.torch;

namespace SegPref.Models.Segmentation.Training;

/// <summary>
/// Wires data, frozen encoders and the segmenter together for <c>segpref train</c>, <c>eval</c> and <c>preference</c>.
/// </summary>
public static class SegmentationExperiment
{
    /// <summary>Cue-source names as used on the command line and in segmenter.json.</summary>
    public static string CueName(CueSource source) => source == CueSource.GroundTruth ? "ground-truth" : "predicted";

    /// <summary>Parses a cue-source name.</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static CueSource ParseCues(string name) => name switch
    {
        "predicted" => CueSource.Predicted,
        "ground-truth" => CueSource.GroundTruth,
        _ => throw new ArgumentException($"Unknown cue source '{name}' (expected predicted or ground-truth).", nameof(name)),
    };

    /// <summary>Trains (or resumes) a segmenter run; see <see cref="SegmentationTrainer"/>.</summary>
    /// <exception cref="ArgumentException">The run folder holds a run and <see cref="TrainRequest.Resume"/> is false, a resume with different settings, or TeSO-only switches for the audio-only model.</exception>
    /// <exception cref="NonFiniteLossException">The loss became NaN or infinite (the run folder keeps the last completed epoch).</exception>
    public static SegmentationTrainingResult Train(
        TrainRequest request, IProgress<(string Stage, int Done, int Total)>? stages = null,
        IProgress<SegmentationEpochProgress>? epochs = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Validate();
        if (request.Kind == "audio-only" && (request.Options.OpenCue || request.Options.VisualOpenCue || request.Options.IsolateOpenCue || request.Options.EvidenceRelevance || request.Options.AudioPrompts || request.Options.CueWeight > 0))
        {
            throw new ArgumentException("--open-cue, --visual-open-cue, --isolate-open-cue, --evidence-relevance, --audio-prompts and --cue-weight change TeSO's SeDAM; the audio-only baseline has no SeDAM (drop them, or train --model teso).");
        }

        TorchRuntime.EnsureInitialized();
        var options = SegmenterOptions.FromPreset(request.Preset) with
        {
            DynamicMask = request.Options.DynamicMask,
            OpenCue = request.Kind == "teso" && request.Options.OpenCue,
            VisualOpenCue = request.Kind == "teso" && request.Options.VisualOpenCue,
            IsolateOpenCue = request.Kind == "teso" && request.Options.IsolateOpenCue,
            EvidenceRelevance = request.Kind == "teso" && request.Options.EvidenceRelevance,
            AudioPrompts = request.Kind == "teso" && request.Options.AudioPrompts,
            Grounding = request.Options.GroundingWeight > 0,
        };
        var cues = request.Kind == "audio-only" ? CueSource.GroundTruth : request.Cues;
        var encoderPaths = cues == CueSource.GroundTruth ? request.Encoders with { Captioner = null } : request.Encoders;
        using var encoders = FrozenEncoders.Load(encoderPaths);
        var config = new SegmenterRunConfig(
            request.Kind, options with { TextDim = encoders.Cues.Config.OutputSize }, request.Options, CueName(cues),
            Record(encoders), Path.GetFullPath(request.Data), request.CommandLine);
        CheckRunFolder(request, config);

        var dataset = AvssDataset.Open(request.Data);
        var cache = new FeatureCache(request.CacheDir);
        var train = LoadSplit(dataset, "train", config.Options.ImageSize, encoders, cues, AudioPerturbation.Normal, cache, stages);
        var val = LoadSplit(dataset, "val", config.Options.ImageSize, encoders, cues, AudioPerturbation.Normal, cache, stages);
        SegmenterRun.WriteConfig(request.RunDir, config);

        manual_seed(request.Options.Seed);
        using var model = Segmenter.Create(config.Kind, config.Options);
        if (model is TesoSegmenter teso)
        {
            using var silence = tensor(encoders.SilenceEmbedding());
            teso.SetSilenceEmbedding(silence);
        }

        return SegmentationTrainer.Train(model, train, val, request.Options, request.RunDir, epochs, cancellationToken);
    }

    /// <summary>Loads a split with the frozen encoders' audio (under <paramref name="condition"/>) and cue inputs.</summary>
    public static SegmentationSplit LoadSplit(
        AvssDataset dataset, string split, int size, FrozenEncoders encoders, CueSource cues, string condition, FeatureCache cache,
        IProgress<(string Stage, int Done, int Total)>? stages = null, SegmentationFrames? frames = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(encoders);
        ArgumentNullException.ThrowIfNull(cache);
        var total = dataset.Rows.Count(r => r.Split == split);
        frames ??= SegmentationFramesLoader.Load(dataset, split, size, stages is null ? null : new Audio.SyncProgress<int>(d => stages.Report(($"frames {split}", d, total))));
        var audio = SegmentationFeatures.Audio(dataset, split, frames, encoders, condition, cache, stages);
        var cueInputs = SegmentationFeatures.Cues(split, frames, encoders, cues, cache, stages);
        return new SegmentationSplit(split, frames, audio, audio.Length / frames.Count, cueInputs);
    }

    /// <summary>The encoder record of segmenter.json.</summary>
    public static EncoderRecord Record(FrozenEncoders encoders)
    {
        ArgumentNullException.ThrowIfNull(encoders);
        return new EncoderRecord(
            Path.GetFullPath(encoders.Paths.Audio), encoders.AudioFingerprint, Path.GetFullPath(encoders.Paths.Cues), encoders.CueFingerprint,
            encoders.Paths.Captioner is null ? null : Path.GetFullPath(encoders.Paths.Captioner), encoders.CaptionerFingerprint);
    }

    // Everything in segmenter.json but where the data lives, the command line and a later calibration must match on resume.
    private static void CheckRunFolder(TrainRequest request, SegmenterRunConfig config)
    {
        TrainingRunFolder.CheckStart(request.RunDir, request.Resume, SegmenterRun.WeightsFile);
        TrainingRunFolder.CheckSettings(request.RunDir, () => SegmenterRun.ReadConfig(request.RunDir), config, SegmenterRun.Json, "data", "command", "calibration");
    }
}

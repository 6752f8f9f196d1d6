using SegPref.Avs.Data;
using SegPref.Avs.Evaluation;
using SegPref.Media.Audio;
using SegPref.Models.Audio;
using SegPref.Models.Torch;
using SegPref.Models.Training;
using static TorchSharp.torch;

namespace SegPref.Models.Segmentation.Training;

/// <summary>
/// Wires data, frozen encoders and the segmenter together for <c>segpref train</c>, <c>eval</c> and <c>preference</c>.
/// </summary>
public static class SegmentationExperiment
{
    private static readonly string[] TrainingSplits = ["train", "val"];

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
        if (request.Kind == "audio-only" && (request.Options.OpenCue || request.Options.VisualOpenCue || request.Options.IsolateOpenCue || request.Options.EvidenceRelevance || request.Options.SilentPrompts || request.Options.AudioPrompts || request.Options.CueWeight > 0 || request.Options.CounterfactualWeight > 0))
        {
            throw new ArgumentException("--open-cue, --visual-open-cue, --isolate-open-cue, --evidence-relevance, --silent-prompts, --audio-prompts, --cue-weight and --counterfactual-weight change TeSO's SeDAM; the audio-only baseline has no SeDAM (drop them, or train --model teso).");
        }

        var data = AvsData.Open(request.Data, request.Format);
        CheckData(request, data);
        TorchRuntime.EnsureInitialized();
        var options = SegmenterOptions.FromPreset(request.Preset) with
        {
            DynamicMask = request.Options.DynamicMask,
            OpenCue = request.Kind == "teso" && request.Options.OpenCue,
            VisualOpenCue = request.Kind == "teso" && request.Options.VisualOpenCue,
            IsolateOpenCue = request.Kind == "teso" && request.Options.IsolateOpenCue,
            EvidenceRelevance = request.Kind == "teso" && request.Options.EvidenceRelevance,
            AudioPrompts = request.Kind == "teso" && request.Options.AudioPrompts,
            SilentPrompts = request.Kind == "teso" && request.Options.SilentPrompts,
            Grounding = request.Options.GroundingWeight > 0,
        };
        if (request.BackboneWeights is not null && options.Backbone != VisualBackbone.ResNet50)
        {
            throw new ArgumentException($"--backbone-weights loads torchvision ResNet-50 weights; the '{request.Preset}' preset has no ResNet-50 (train --preset paper).");
        }

        var cues = request.Kind == "audio-only" ? CueSource.GroundTruth : request.Cues;
        var encoderPaths = cues == CueSource.GroundTruth ? request.Encoders with { Captioner = null } : request.Encoders;
        using var encoders = FrozenEncoders.Load(encoderPaths, request.Options.AudioMap);
        var backbone = request.BackboneWeights is { } file ? new WeightsRecord(Path.GetFullPath(file), FrozenEncoders.Fingerprint(file)) : null;
        var config = new SegmenterRunConfig(
            request.Kind, AudioInput(options, encoders) with { TextDim = encoders.Cues.Config.OutputSize }, request.Options, CueName(cues),
            Record(encoders), Path.GetFullPath(request.Data), request.CommandLine, null, AvsDataFormats.Name(data.Format), backbone);
        CheckRunFolder(request, config);

        var cache = new FeatureCache(request.CacheDir);
        var train = LoadSplit(data, "train", config.Options.ImageSize, encoders, cues, AudioPerturbation.Normal, cache, stages);
        var val = LoadSplit(data, "val", config.Options.ImageSize, encoders, cues, AudioPerturbation.Normal, cache, stages);
        IReadOnlyList<CounterfactualSplit>? counterfactuals = request.Kind == "teso" && request.Options.CounterfactualWeight > 0
            ? [.. CounterfactualConditions(request.Options).Select(c => new CounterfactualSplit(
                LoadSplit(data, "train", config.Options.ImageSize, encoders, cues, c, cache, stages, train.Frames),
                KeepsTargets: c == AudioConditions.OffScreen,
                OpenCueOnly: c == AudioConditions.Swapped && request.Options.CounterfactualSwappedOpenCue))]
            : null;
        SegmenterRun.WriteConfig(request.RunDir, config);

        manual_seed(request.Options.Seed);
        using var model = Segmenter.Create(config.Kind, config.Options);
        if (backbone is not null)
        {
            ResNetWeights.LoadStateDict((ResNet50Encoder)model.Trunk.VisualEncoder, backbone.Path);
        }

        if (model is TesoSegmenter teso)
        {
            using var silence = tensor(encoders.SilenceEmbedding());
            teso.SetSilenceEmbedding(silence);
        }

        return SegmentationTrainer.Train(model, train, val, request.Options, request.RunDir, epochs, counterfactuals, cancellationToken);
    }

    // The audio input's width and tokens: the preset's embedding tokens, or one token per position of the encoder's map.
    private static SegmenterOptions AudioInput(SegmenterOptions options, FrozenEncoders encoders) => encoders.AudioMap
        ? options with { AudioDim = encoders.AudioWidth, AudioTokens = Vggish.MapPositions, AudioMapChannels = encoders.Audio.Encoder.MapChannels }
        : options with { AudioDim = encoders.AudioWidth };

    /// <summary>
    /// The audio conditions the counterfactual relevance term trains on, one per step in turn: the noise floor alone and
    /// another clip's audio (nothing visible sounds; unless <see cref="SegmentationTrainingOptions.CounterfactualSwapped"/>
    /// is false), and with <see cref="SegmentationTrainingOptions.CounterfactualOffScreen"/> the clip's own audio plus an
    /// off-screen source (the frame's own targets).
    /// </summary>
    public static IReadOnlyList<string> CounterfactualConditions(SegmentationTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return
        [
            AudioConditions.NoiseFloor,
            .. options.CounterfactualSwapped ? [AudioConditions.Swapped] : Array.Empty<string>(),
            .. options.CounterfactualOffScreen ? [AudioConditions.OffScreen] : Array.Empty<string>(),
        ];
    }

    /// <summary>Loads a split with the frozen encoders' audio (under <paramref name="condition"/>) and cue inputs.</summary>
    public static SegmentationSplit LoadSplit(
        AvsData data, string split, int size, FrozenEncoders encoders, CueSource cues, string condition, FeatureCache cache,
        IProgress<(string Stage, int Done, int Total)>? stages = null, SegmentationFrames? frames = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(encoders);
        ArgumentNullException.ThrowIfNull(cache);
        var total = data.Uids(split).Count;
        frames ??= SegmentationFramesLoader.Load(data, split, size, stages is null ? null : new Audio.SyncProgress<int>(d => stages.Report(($"frames {split}", d, total))));
        var audio = SegmentationFeatures.Audio(data, split, frames, encoders, condition, cache, stages);
        var cueInputs = SegmentationFeatures.Cues(split, frames, encoders, cues, cache, stages);
        return new SegmentationSplit(split, frames, audio, audio.Length / frames.Count, cueInputs);
    }

    // What real data cannot give, refused before anything is loaded: AVS-Synth's descriptions and cue slots (the oracle
    // cues), its boxes of silent objects (grounding), and per-class labels (the cue-relevance loss, repeat factors) where the
    // masks are binary. Splits train and val must exist.
    private static void CheckData(TrainRequest request, AvsData data)
    {
        var what = data.Description;
        if (!data.HasSynthLabels && request.Kind == "teso" && request.Cues == CueSource.GroundTruth)
        {
            throw new ArgumentException($"--cues ground-truth reads AVS-Synth's descriptions; {what} has none. Use --cues predicted (the captioner describes every frame and the cue backend extracts the cues).");
        }

        if (!data.HasSynthLabels && request.Options.GroundingWeight > 0)
        {
            throw new ArgumentException($"--grounding-weight needs AVS-Synth's boxes of every object, sounding or silent; {what} has none (drop it).");
        }

        if (!data.HasClassLabels && request.Options.CueWeight > 0)
        {
            throw new ArgumentException($"--cue-weight needs the class of every sounding pixel (AVSS colour masks); the masks of {what} are binary. Pass --cue-weight 0 (or --recipe paper).");
        }

        if (!data.HasSynthLabels && request.Options.CounterfactualWeight > 0)
        {
            throw new ArgumentException($"--counterfactual-weight trains on each clip's noise floor alone and on audio whose sounding classes are none of the visible ones, which need AVS-Synth's labels; {what} has none (drop it).");
        }

        if (!data.HasClassLabels && request.Options.RepeatThreshold is not null)
        {
            throw new ArgumentException($"--repeat-threshold needs per-class labels (AVSS colour masks); the masks of {what} are binary (drop it).");
        }

        if (!data.HasSynthLabels && request.Options.RepeatSilent)
        {
            throw new ArgumentException($"--repeat-silent needs AVS-Synth's boxes of the silent objects; {what} has none (drop it).");
        }

        var missing = TrainingSplits.Where(s => !data.HasSplit(s)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{what}: no '{string.Join("' or '", missing)}' split in its metadata (splits: {string.Join(", ", data.Splits)}).");
        }
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

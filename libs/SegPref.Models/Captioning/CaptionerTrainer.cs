using System.Diagnostics;
using SegPref.Avs.Avss;
using SegPref.Avs.Data;
using SegPref.Models.Audio;
using SegPref.Models.Torch;
using SegPref.Models.Training;
using static TorchSharp.torch;

namespace SegPref.Models.Captioning;

/// <summary>
/// Trains a <see cref="Captioner"/> on the train split of an AVS-Synth dataset with the shared <see cref="EpochLoop"/>
/// (teacher forcing, label-smoothed cross-entropy, AdamW, warm-up + cosine), validates each epoch, keeps the best epoch
/// (validation BLEU-4, greedy) and scores it on test with greedy and beam decoding. Writes everything into the run
/// folder, which resumes after its last completed epoch.
/// </summary>
public static class CaptionerTrainer
{
    /// <summary>Trains (or resumes) into <paramref name="runDir"/>; <paramref name="progress"/> hears about every finished epoch.</summary>
    /// <param name="dataRoot">AVS-Synth root.</param>
    /// <param name="runDir">The run folder.</param>
    /// <param name="options">Hyper-parameters.</param>
    /// <param name="model">The model shape (the vocabulary size, token limit and object kinds follow from the data).</param>
    /// <param name="commandLine">Recorded in config.json.</param>
    /// <param name="progress">Gets every finished epoch.</param>
    /// <param name="resume">Continue the interrupted run in <paramref name="runDir"/> (same settings).</param>
    /// <param name="cancellationToken">Stops training between steps (the result then has a stop reason and no test figures).</param>
    /// <exception cref="InvalidDataException">The dataset is malformed or a split is empty.</exception>
    /// <exception cref="ArgumentException">The run folder holds a run and <paramref name="resume"/> is false, or a resume with other settings.</exception>
    /// <exception cref="NonFiniteLossException">The loss became NaN or infinite (the run folder keeps the last completed epoch).</exception>
    public static CaptionerTrainingResult Train(
        string dataRoot,
        string runDir,
        CaptionerTrainingOptions options,
        CaptionerConfig model,
        string? commandLine = null,
        IProgress<CaptionerEpochReport>? progress = null,
        bool resume = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(runDir);
        options.Validate();
        TrainingRunFolder.CheckStart(runDir, resume, new CaptionerRunConfig { Model = model }.WeightsFile);
        TorchRuntime.EnsureInitialized();
        set_num_threads(options.Threads);
        var clock = Stopwatch.StartNew();

        AvsData.RequireSynthLabels(dataRoot, "train-captioner (scene descriptions)", "use the committed captioner (docs/avsbench.md says what it can describe)");
        var dataset = AvssDataset.Open(dataRoot);
        var train = CaptionFrames.Load(dataset, "train", model.ImageSize, options.MaxFramesPerSplit);
        var val = CaptionFrames.Load(dataset, "val", model.ImageSize, options.MaxFramesPerSplit);
        var vocabulary = CaptionVocabulary.Build(train.Select(f => f.Description));
        var longest = train.Max(f => CaptionTokenizer.Tokenize(f.Description).Count) + 2;
        var kinds = options.ObjectLossWeight > 0 ? ObjectTargets.Kinds(train.Select(f => f.Description)) : [];
        var config = model with { VocabularySize = vocabulary.Count, MaxTokens = Math.Max(model.MaxTokens, longest), ObjectKinds = kinds };
        var runConfig = new CaptionerRunConfig { Model = config, Training = options, DataPath = Path.GetFullPath(dataRoot), CommandLine = commandLine };
        TrainingRunFolder.CheckSettings(runDir, () => CaptionerRunConfig.Load(runDir), runConfig, CaptionerRunConfig.JsonOptions, "dataPath", "commandLine", "training.threads");
        Directory.CreateDirectory(runDir);
        runConfig.Save(runDir);
        vocabulary.Save(Path.Combine(runDir, runConfig.VocabularyFile));

        manual_seed(options.Seed);
        using var captioner = new Captioner(config);
        var loop = RunEpochs(captioner, options, runConfig, train, val, vocabulary, runDir, progress, cancellationToken);
        var trainSeconds = clock.Elapsed.TotalSeconds;
        if (loop.StopReason is not null)
        {
            return new CaptionerTrainingResult(runDir, loop.BestEpoch, trainSeconds, null, null, loop.History, loop.StopReason);
        }

        captioner.load(Path.Combine(runDir, runConfig.WeightsFile));
        var test = CaptionFrames.Load(dataset, "test", model.ImageSize, options.MaxFramesPerSplit);
        var report = CaptionerTestReport.Evaluate(captioner, vocabulary, test, options.TestBeamWidth);
        var result = new CaptionerTrainingResult(runDir, loop.BestEpoch, trainSeconds, report.Greedy, report.Beam, loop.History, null);
        CaptionerRunReport.Write(result, runConfig, report, clock.Elapsed.TotalSeconds);
        return result;
    }

    private static EpochLoopResult<CaptionScores> RunEpochs(
        Captioner captioner, CaptionerTrainingOptions options, CaptionerRunConfig runConfig, IReadOnlyList<CaptionFrame> train, IReadOnlyList<CaptionFrame> val,
        CaptionVocabulary vocabulary, string runDir, IProgress<CaptionerEpochReport>? progress, CancellationToken cancellationToken)
    {
        var sequences = train.Select(f => CaptionBatch.Sequence(vocabulary, f.Description, runConfig.Model.MaxTokens)).ToList();
        var valSequences = val.Select(f => CaptionBatch.Sequence(vocabulary, f.Description, runConfig.Model.MaxTokens)).ToList();
        using var trainer = new CaptionerEpochTrainer(captioner, options, train, sequences, vocabulary, val, valSequences);
        return EpochLoop.Run(
            trainer,
            new EpochLoopOptions(runDir, options.Epochs, options.Seed, runConfig.WeightsFile, "val_bleu4", "captioner", ["train_loss", "val_loss", "val_bleu4", "val_object_recall", "val_object_precision"]),
            progress is null ? null : new SyncProgress<EpochProgress<CaptionScores>>(p =>
            {
                if (p.Validation is { } v)
                {
                    progress.Report(new CaptionerEpochReport(p.Epoch, p.Epochs, p.Loss, v.Metrics["val_loss"], v.Scores, p.Elapsed.TotalSeconds, p.IsBest));
                }
            }),
            cancellationToken);
    }
}

using System.Diagnostics;
using SegPref.Avs.Avss;
using SegPref.Models.Torch;
using SegPref.Models.Training;
using static TorchSharp.torch;

namespace SegPref.Models.Captioning;

/// <summary>
/// Trains a <see cref="Captioner"/> on the train split of an AVS-Synth dataset (teacher forcing, label-smoothed
/// cross-entropy, AdamW, warm-up + cosine), validates each epoch, keeps the best epoch (validation BLEU-4,
/// greedy) and scores it on test with greedy and beam decoding. Writes everything into the run folder.
/// </summary>
public static class CaptionerTrainer
{
    /// <summary>Trains into <paramref name="runDir"/>; <paramref name="progress"/> hears about every finished epoch.</summary>
    /// <exception cref="InvalidDataException">The dataset is malformed or a split is empty.</exception>
    /// <exception cref="InvalidOperationException">The loss became non-finite (the message names the epoch and step).</exception>
    public static CaptionerTrainingResult Train(
        string dataRoot,
        string runDir,
        CaptionerTrainingOptions options,
        CaptionerConfig model,
        string? commandLine = null,
        IProgress<CaptionerEpochReport>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(runDir);
        options.Validate();
        TorchRuntime.EnsureInitialized();
        set_num_threads(options.Threads);
        manual_seed(options.Seed);
        var clock = Stopwatch.StartNew();

        var dataset = AvssDataset.Open(dataRoot);
        var train = CaptionFrames.Load(dataset, "train", model.ImageSize, options.MaxFramesPerSplit);
        var val = CaptionFrames.Load(dataset, "val", model.ImageSize, options.MaxFramesPerSplit);
        var vocabulary = CaptionVocabulary.Build(train.Select(f => f.Description));
        var longest = train.Max(f => CaptionTokenizer.Tokenize(f.Description).Count) + 2;
        var kinds = options.ObjectLossWeight > 0 ? ObjectTargets.Kinds(train.Select(f => f.Description)) : [];
        var config = model with { VocabularySize = vocabulary.Count, MaxTokens = Math.Max(model.MaxTokens, longest), ObjectKinds = kinds };
        var runConfig = new CaptionerRunConfig { Model = config, Training = options, DataPath = Path.GetFullPath(dataRoot), CommandLine = commandLine };

        using var captioner = new Captioner(config);
        var trainSequences = train.Select(f => CaptionBatch.Sequence(vocabulary, f.Description, config.MaxTokens)).ToList();
        var valSequences = val.Select(f => CaptionBatch.Sequence(vocabulary, f.Description, config.MaxTokens)).ToList();
        var valDecode = val.Take(options.ValidationDecodeFrames).ToList();
        var loop = new CaptionerTrainingLoop(captioner, options, train, trainSequences, vocabulary);
        var history = new TrainingHistory();
        var (bestEpoch, bestBleu) = (0, double.NegativeInfinity);
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var trainLoss = loop.RunEpoch(epoch);
            var valLoss = CaptionEvaluation.Loss(captioner, val, valSequences, options.BatchSize * 2);
            var (scores, _) = CaptionEvaluation.Score(captioner, vocabulary, valDecode, DecodeOptions.Greedy);
            var best = scores.Bleu4 > bestBleu;
            if (best)
            {
                (bestEpoch, bestBleu) = (epoch, scores.Bleu4);
                CaptionerRun.Save(runDir, captioner, vocabulary, runConfig);
            }

            history.Add(epoch, new Dictionary<string, double>
            {
                ["train_loss"] = trainLoss,
                ["val_loss"] = valLoss,
                ["val_bleu4"] = scores.Bleu4,
                ["val_object_recall"] = scores.Objects.Recall,
                ["val_object_precision"] = scores.Objects.Precision,
                ["seconds"] = clock.Elapsed.TotalSeconds,
            });
            progress?.Report(new CaptionerEpochReport(epoch, options.Epochs, trainLoss, valLoss, scores, clock.Elapsed.TotalSeconds, best));
        }

        var trainSeconds = clock.Elapsed.TotalSeconds;
        captioner.load(Path.Combine(runDir, runConfig.WeightsFile));
        var test = CaptionFrames.Load(dataset, "test", model.ImageSize, options.MaxFramesPerSplit);
        var report = CaptionerTestReport.Evaluate(captioner, vocabulary, test, options.TestBeamWidth);
        var result = new CaptionerTrainingResult(runDir, bestEpoch, trainSeconds, report.Greedy, report.Beam, history);
        CaptionerRunReport.Write(result, runConfig, report, clock.Elapsed.TotalSeconds);
        return result;
    }
}

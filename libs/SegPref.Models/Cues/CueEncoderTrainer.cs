using SegPref.Models.Audio;
using SegPref.Models.Torch;
using SegPref.Models.Training;
using static TorchSharp.torch;

namespace SegPref.Models.Cues;

/// <summary>Trains a <see cref="CueEncoder"/> with <see cref="InfoNce"/> against frozen, pre-computed audio embeddings.</summary>
public static class CueEncoderTrainer
{
    /// <summary>
    /// Trains (or resumes) into <paramref name="runDir"/> with the shared <see cref="EpochLoop"/>, from a fresh, seeded
    /// encoder. Every epoch visits the training seconds in a seeded random order, in batches; the learning rate follows a
    /// cosine from <see cref="CueTrainingOptions.LearningRate"/> down to 5%. weights.bin and the returned encoder hold the
    /// epoch with the best validation audio-to-text top-1 (the last epoch when <paramref name="val"/> is null or empty).
    /// </summary>
    /// <exception cref="ArgumentException">Bad options, an empty training set, or an audio width other than the output size.</exception>
    /// <exception cref="NonFiniteLossException">The loss became NaN or infinite (the run folder keeps the last completed epoch).</exception>
    public static CueTrainingResult Train(
        CueAudioSet train, CueAudioSet? val, CueVocabulary vocabulary, CueTrainingOptions options, string runDir,
        IProgress<CueEpochProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(runDir);
        options.Validate();
        if (train.Count == 0 || train.Width != options.OutputSize)
        {
            throw new ArgumentException($"Cue training needs single-source seconds of width {options.OutputSize}; got {train.Count} of width {train.Width}.");
        }

        TorchRuntime.EnsureInitialized();
        manual_seed(options.Seed);
        var model = new CueEncoder(vocabulary.Count, options.EmbeddingSize, options.HiddenSize, options.OutputSize);
        try
        {
            using var trainer = new CueEpochTrainer(model, train, val, vocabulary.Count, options);
            var loop = EpochLoop.Run(
                trainer,
                new EpochLoopOptions(runDir, options.Epochs, options.Seed, CueEncoderRun.WeightsFile, "val_a2t_top1", "Cue encoder (InfoNCE vs frozen VGGish)", ["train_loss", "val_a2t_top1", "val_t2a_rprec"]),
                progress is null ? null : new SyncProgress<EpochProgress<CueRetrievalScores?>>(p =>
                {
                    if (p.Validation is { } v)
                    {
                        progress.Report(new CueEpochProgress(p.Epoch, p.Epochs, p.Loss, v.Scores, p.Elapsed));
                    }
                }),
                cancellationToken);
            if (loop.BestEpoch > 0)
            {
                model.load(Path.Combine(runDir, CueEncoderRun.WeightsFile), strict: true);
            }

            model.eval();
            return new CueTrainingResult(model, loop.History, loop.BestEpoch, loop.Steps, loop.StopReason);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}

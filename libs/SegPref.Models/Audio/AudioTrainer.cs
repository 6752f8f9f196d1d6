using SegPref.Models.Torch;
using SegPref.Models.Training;
using static TorchSharp.torch;

namespace SegPref.Models.Audio;

/// <summary>
/// Pre-trains an <see cref="AudioTagger"/> on per-second multi-label tagging with the shared <see cref="EpochLoop"/>:
/// BCE with logits, AdamW with a cosine learning-rate decay, seeded shuffling and augmentation per epoch, validation mAP
/// each epoch, weights.bin = best epoch, resumable from its run folder.
/// </summary>
public static class AudioTrainer
{
    /// <summary>
    /// Trains (or resumes) into <paramref name="runDir"/>, selecting the epoch with the best mAP on <paramref name="val"/>;
    /// the returned tagger holds that epoch's weights.
    /// </summary>
    /// <exception cref="ArgumentException">The sets disagree on the classes, or the training set is empty.</exception>
    /// <exception cref="NonFiniteLossException">The loss became NaN or infinite (the run folder keeps the last completed epoch).</exception>
    public static AudioTrainingResult Train(
        AudioTaggingSet train, AudioTaggingSet val, AudioTrainingOptions options, string runDir,
        IProgress<AudioTrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(val);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(runDir);
        options.Validate();
        if (train.Count == 0 || !train.ClassIndices.SequenceEqual(val.ClassIndices))
        {
            throw new ArgumentException("The training set is empty or train and val use different class lists.", nameof(train));
        }

        TorchRuntime.EnsureInitialized();
        manual_seed(options.Seed);
        var model = new AudioTagger(options.Preset, train.ClassIndices.Count);
        try
        {
            using var trainer = new AudioEpochTrainer(model, train, val, options);
            var loop = EpochLoop.Run(
                trainer,
                new EpochLoopOptions(runDir, options.Epochs, options.Seed, AudioEncoderRun.WeightsFile, "val_map", $"VGGish ({options.Preset.Name}) audio tagging", ["train_loss", "val_map"]),
                progress is null ? null : new SyncProgress<EpochProgress<double>>(p =>
                {
                    if (p.Validation is { } v)
                    {
                        progress.Report(new AudioTrainingProgress(p.Epoch, p.Epochs, p.Loss, v.Scores, p.IsBest, p.Elapsed));
                    }
                }),
                cancellationToken);
            if (loop.BestEpoch > 0)
            {
                model.load(Path.Combine(runDir, AudioEncoderRun.WeightsFile), strict: true);
            }

            model.eval();
            return new AudioTrainingResult(model, loop.History, loop.BestEpoch, loop.BestEpoch == 0 ? double.NaN : loop.BestVal, loop.Steps, loop.StopReason);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}

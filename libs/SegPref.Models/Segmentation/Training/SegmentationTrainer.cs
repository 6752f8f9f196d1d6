using SegPref.Models.Audio;
using SegPref.Models.Training;

namespace SegPref.Models.Segmentation.Training;

/// <summary>
/// Trains a segmenter on a <see cref="SegmentationSplit"/> with the shared <see cref="EpochLoop"/>: AdamW with warm-up +
/// cosine schedule, a seeded shuffle per epoch, val mIoU/F after each epoch, weights.bin = best val mIoU, and last.bin +
/// optimizer.bin + state.json after each epoch so an interrupted run resumes where it stopped (same result as an
/// uninterrupted run).
/// </summary>
public static class SegmentationTrainer
{
    /// <summary>
    /// Trains (or resumes) into <paramref name="runDir"/>; segmenter.json must already be written there. With a
    /// counterfactual weight, <paramref name="counterfactuals"/> are the train split's frames under audio in which nothing
    /// visible sounds (the same rows, other audio).
    /// </summary>
    /// <exception cref="NonFiniteLossException">The loss became NaN or infinite (the run folder keeps the last completed epoch).</exception>
    /// <exception cref="ArgumentException">A grounding weight without the grounding head, or without object boxes in the train split.</exception>
    public static SegmentationTrainingResult Train(
        Segmenter model, SegmentationSplit train, SegmentationSplit val, SegmentationTrainingOptions options, string runDir,
        IProgress<SegmentationEpochProgress>? progress = null, IReadOnlyList<CounterfactualSplit>? counterfactuals = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(val);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var teso = model is TesoSegmenter;
        if (options.GroundingWeight > 0 && !model.Options.Grounding)
        {
            throw new ArgumentException("A grounding weight needs a model built with the grounding head (SegmenterOptions.Grounding).", nameof(model));
        }

        if (options.GroundingWeight > 0 && !train.Frames.Frames.Any(f => f.Objects.Count > 0))
        {
            throw new ArgumentException($"--grounding-weight needs the boxes of the objects drawn in each frame (AVS-Synth synth.json 'objects'); the {train.Name} split lists none.", nameof(train));
        }

        if (teso && options.CounterfactualWeight > 0 && (counterfactuals is not { Count: > 0 } || counterfactuals.Any(c => c.Split.Count != train.Count || c.Split.AudioDim != train.AudioDim)))
        {
            throw new ArgumentException($"A counterfactual weight needs the {train.Name} split under counterfactual audio (same rows, same audio width).", nameof(counterfactuals));
        }

        var loss = new SegmentationLossOptions(
            InfoNceWeight: teso ? options.InfoNceWeight : 0, CueWeight: teso ? options.CueWeight : 0,
            GroundingWeight: options.GroundingWeight, CounterfactualWeight: teso ? options.CounterfactualWeight : 0);
        var framesPerEpoch = Math.Min(train.Count, options.MaxFramesPerEpoch ?? int.MaxValue);
        var stepsPerEpoch = (framesPerEpoch + options.BatchSize - 1) / options.BatchSize;
        var schedule = WarmupCosine.WithWarmupShare(options.LearningRate, (long)stepsPerEpoch * options.Epochs);
        using var step = new SegmentationTrainStep(model, loss, options.LearningRate, options.WeightDecay, options.GradientClip, schedule.At);
        double[]? factors = null;
        if (options.RepeatThreshold is { } threshold)
        {
            var classes = RepeatFactorSampling.ClassFactors(train.Frames.Frames, threshold, options.RepeatSilent);
            factors = RepeatFactorSampling.FrameFactors(train.Frames.Frames, classes, options.RepeatSilent);
            Directory.CreateDirectory(runDir);
            RepeatFactorSampling.WriteClassFactors(Path.Combine(runDir, RepeatFactorSampling.FileName), threshold, classes);
        }

        var trainer = new SegmentationEpochTrainer(model, step, train, val, options, loss, factors, teso ? counterfactuals : null);
        var loop = EpochLoop.Run(
            trainer,
            new EpochLoopOptions(runDir, options.Epochs, options.Seed, SegmenterRun.WeightsFile, "val_miou", $"{(teso ? "TeSO" : "audio-only")} training", ["train_loss", "val_miou", "val_f"]),
            progress is null ? null : new SyncProgress<EpochProgress<SegmentationScores>>(p => progress.Report(
                new SegmentationEpochProgress(p.Epoch, p.Epochs, p.Step, p.Steps, p.Loss, p.Validation?.Scores, p.Elapsed))),
            cancellationToken);
        var best = loop.BestVal ?? new SegmentationScores(0, 0, 0, 0, null, null);
        return new SegmentationTrainingResult(best, loop.BestEpoch, loop.Epochs, loop.Steps, loop.History.Rows, loop.StopReason);
    }
}

using System.Diagnostics;
using SegPref.Models.Training;
using static TorchSharp.torch;

namespace SegPref.Models.Segmentation.Training;

/// <summary>
/// Trains a segmenter on a <see cref="SegmentationSplit"/>: AdamW with warm-up + cosine schedule, a seeded shuffle
/// per epoch, val mIoU/F after each epoch, weights.bin = best val mIoU, and last.bin + optimizer.bin + state.json after
/// each epoch so an interrupted run resumes where it stopped (same result as an uninterrupted run).
/// </summary>
public static class SegmentationTrainer
{
    /// <summary>Trains (or resumes) into <paramref name="runDir"/>; segmenter.json must already be written there.</summary>
    /// <exception cref="NonFiniteLossException">The loss became NaN or infinite.</exception>
    /// <exception cref="ArgumentException">A grounding weight without the grounding head, or without object boxes in the train split.</exception>
    public static SegmentationTrainingResult Train(
        Segmenter model, SegmentationSplit train, SegmentationSplit val, SegmentationTrainingOptions options, string runDir,
        IProgress<SegmentationEpochProgress>? progress = null, CancellationToken cancellationToken = default)
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

        var loss = new SegmentationLossOptions(
            InfoNceWeight: teso ? options.InfoNceWeight : 0, CueWeight: teso ? options.CueWeight : 0,
            GroundingWeight: options.GroundingWeight);
        using var step = new SegmentationTrainStep(model, loss, options.LearningRate, options.WeightDecay, options.GradientClip);
        var state = TrainingState.TryRead(runDir) ?? new TrainingState(0, 0, 0, double.NegativeInfinity, null, []);
        if (state.EpochsDone > 0)
        {
            model.load(Path.Combine(runDir, TrainingState.LastWeights), strict: true);
            step.LoadState(Path.Combine(runDir, TrainingState.OptimizerFile), state.Steps);
        }

        var framesPerEpoch = Math.Min(train.Count, options.MaxFramesPerEpoch ?? int.MaxValue);
        var stepsPerEpoch = (framesPerEpoch + options.BatchSize - 1) / options.BatchSize;
        var schedule = new WarmupCosine(options.LearningRate, stepsPerEpoch * options.Epochs);
        double[]? factors = null;
        if (options.RepeatThreshold is { } threshold)
        {
            var classes = RepeatFactorSampling.ClassFactors(train.Frames.Frames, threshold);
            factors = RepeatFactorSampling.FrameFactors(train.Frames.Frames, classes);
            RepeatFactorSampling.WriteClassFactors(Path.Combine(runDir, RepeatFactorSampling.FileName), threshold, classes);
        }

        var clock = Stopwatch.StartNew();
        string? stopReason = null;
        for (var epoch = state.EpochsDone + 1; epoch <= options.Epochs && stopReason is null; epoch++)
        {
            var order = factors is null
                ? Shuffle(train.Count, options.Seed, epoch).Take(framesPerEpoch).ToArray()
                : RepeatFactorSampling.Order(factors, framesPerEpoch, options.Seed, epoch);
            var flips = new Random(unchecked((options.Seed * 104729) + epoch));
            double sum = 0, bce = 0, dice = 0, nce = 0, cue = 0, ground = 0;
            var done = 0;
            for (var s = 0; s < stepsPerEpoch; s++)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    stopReason = $"cancelled during epoch {epoch}; resume restarts it";
                    break;
                }

                using var scope = NewDisposeScope();
                step.SetLearningRate(schedule.At(step.StepCount));
                var rows = order.AsSpan(s * options.BatchSize, Math.Min(options.BatchSize, order.Length - (s * options.BatchSize))).ToArray();
                var (input, masks) = train.Batch(rows);
                var flip = rows.Select(_ => flips.NextDouble() < 0.5).ToArray();
                var grounding = loss.GroundingWeight == 0 ? null : teso ? train.GroundingTargets(rows) : train.ObjectTargets(rows);
                if (options.FlipAugment)
                {
                    (input, masks) = FlipAugmentation.Apply(input, masks, flip);
                    grounding = grounding is null ? null : FlipAugmentation.ApplyToSlots(grounding, flip);
                }

                var parts = step.Run(input, masks, loss.CueWeight > 0 ? train.CueTargets(rows, model.Options.OpenCue) : null, grounding);
                (sum, bce, dice, nce, cue, ground, done) = (sum + parts.Total, bce + parts.Bce, dice + parts.Dice, nce + parts.InfoNce, cue + parts.Cue, ground + parts.Grounding, done + 1);
                progress?.Report(new SegmentationEpochProgress(epoch, options.Epochs, s + 1, stepsPerEpoch, sum / done, null, clock.Elapsed));
            }

            if (stopReason is not null)
            {
                break;
            }

            var scores = SegmentationEvaluator.Evaluate(model, val);
            state.History.Add(new Dictionary<string, double>
            {
                ["epoch"] = epoch, ["train_loss"] = sum / done, ["train_bce"] = bce / done, ["train_dice"] = dice / done,
                ["train_infonce"] = nce / done, ["train_cue"] = cue / done, ["train_grounding"] = ground / done, ["val_miou"] = scores.MIoU, ["val_f"] = scores.FScore,
                ["seconds"] = clock.Elapsed.TotalSeconds,
            });
            if (scores.MIoU > state.BestMIoU)
            {
                WeightsFile.Save(model, Path.Combine(runDir, SegmenterRun.WeightsFile));
                state = state with { BestEpoch = epoch, BestMIoU = scores.MIoU, BestVal = scores };
            }

            WeightsFile.Save(model, Path.Combine(runDir, TrainingState.LastWeights));
            step.SaveState(Path.Combine(runDir, TrainingState.OptimizerFile));
            state = state with { EpochsDone = epoch, Steps = step.StepCount };
            state.Write(runDir);
            WriteHistory(runDir, model, state, clock.Elapsed.TotalSeconds);
            progress?.Report(new SegmentationEpochProgress(epoch, options.Epochs, stepsPerEpoch, stepsPerEpoch, sum / done, scores, clock.Elapsed));
        }

        var best = state.BestVal ?? new SegmentationScores(0, 0, 0, 0, null, null);
        return new SegmentationTrainingResult(best, state.BestEpoch, state.EpochsDone, state.Steps, state.History, stopReason);
    }

    private static void WriteHistory(string runDir, Segmenter model, TrainingState state, double seconds)
    {
        var history = new TrainingHistory();
        foreach (var row in state.History)
        {
            history.Add((int)row["epoch"], row);
        }

        history.WriteJson(runDir, new Dictionary<string, object?>
        {
            ["best_epoch"] = state.BestEpoch, ["best_val_miou"] = state.BestMIoU, ["best_val_f"] = state.BestVal?.FScore,
            ["epochs"] = state.EpochsDone, ["steps"] = state.Steps, ["seconds_this_process"] = seconds,
        });
        history.WriteCurves(runDir, $"{(model is TesoSegmenter ? "TeSO" : "audio-only")} training", "train_loss", "val_miou", "val_f");
    }

    /// <summary>The frame order of one epoch: a Fisher-Yates shuffle seeded by (seed, epoch), so resumes replay it.</summary>
    internal static int[] Shuffle(int count, int seed, int epoch)
    {
        var order = Enumerable.Range(0, count).ToArray();
        var random = new Random(unchecked((seed * 7919) + epoch));
        random.Shuffle(order);
        return order;
    }
}

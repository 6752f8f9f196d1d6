using SegPref.Models.Training;
using static TorchSharp.torch;

namespace SegPref.Models.Segmentation.Training;

/// <summary>
/// The segmenter's part of the shared <see cref="EpochLoop"/>: frames in a seeded order per epoch (a shuffle, or
/// repeat-factor sampling), left-right flips drawn per epoch, one <see cref="SegmentationTrainStep"/> per batch, and
/// val mIoU/F as the validation (mIoU picks the best checkpoint). With <paramref name="counterfactuals"/> (the train
/// split's frames under other audio: in which nothing visible sounds, or, with KeepsTargets, to which only sounds of
/// classes that are not visible were added) step i also runs the batch on counterfactual i mod n.
/// </summary>
internal sealed class SegmentationEpochTrainer(
    Segmenter model, SegmentationTrainStep step, SegmentationSplit train, SegmentationSplit val, SegmentationTrainingOptions options,
    SegmentationLossOptions loss, double[]? repeatFactors, IReadOnlyList<CounterfactualSplit>? counterfactuals = null) : IEpochTrainer<SegmentationScores>
{
    private readonly int _framesPerEpoch = Math.Min(train.Count, options.MaxFramesPerEpoch ?? int.MaxValue);
    private int[] _order = [];
    private Random _flips = new(0);

    public nn.Module Model => model;

    public AdamWStep Optimizer => step.Optimizer;

    public int StepsPerEpoch => (_framesPerEpoch + options.BatchSize - 1) / options.BatchSize;

    public void BeginEpoch(int epoch)
    {
        _order = repeatFactors is null
            ? EpochRandom.Shuffle(train.Count, options.Seed, epoch)[.._framesPerEpoch]
            : RepeatFactorSampling.Order(repeatFactors, _framesPerEpoch, options.Seed, epoch);
        _flips = EpochRandom.Augmentation(options.Seed, epoch);
    }

    public IReadOnlyDictionary<string, double> Step(int index)
    {
        using var scope = NewDisposeScope();
        var start = index * options.BatchSize;
        var rows = _order.AsSpan(start, Math.Min(options.BatchSize, _order.Length - start)).ToArray();
        var (input, masks) = train.Batch(rows);
        var flip = rows.Select(_ => _flips.NextDouble() < 0.5).ToArray();
        var grounding = loss.GroundingWeight == 0 ? null : model is TesoSegmenter ? train.GroundingTargets(rows) : train.ObjectTargets(rows);
        if (options.FlipAugment)
        {
            (input, masks) = FlipAugmentation.Apply(input, masks, flip);
            grounding = grounding is null ? null : FlipAugmentation.ApplyToSlots(grounding, flip);
        }

        // The audio does not flip with the frames, so the counterfactual audio of the same rows lines up with them.
        var pass = counterfactuals is { Count: > 0 } && loss.CounterfactualWeight > 0 ? counterfactuals[index % counterfactuals.Count] : null;
        var counterfactual = pass?.Split.AudioRows(rows);
        var parts = step.Run(input, masks, loss.CueWeight > 0 ? train.CueTargets(rows, model.Options.OpenCue) : null, grounding, counterfactual, pass?.KeepsTargets ?? false, pass?.OpenCueOnly ?? false);
        var report = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["loss"] = parts.Total, ["bce"] = parts.Bce, ["dice"] = parts.Dice, ["infonce"] = parts.InfoNce, ["cue"] = parts.Cue, ["grounding"] = parts.Grounding,
        };
        if (counterfactual is not null)
        {
            report["counterfactual"] = parts.Counterfactual;
        }

        return report;
    }

    public EpochValidation<SegmentationScores> Validate()
    {
        var scores = SegmentationEvaluator.Evaluate(model, val);
        return new(scores, new Dictionary<string, double>(StringComparer.Ordinal) { ["val_miou"] = scores.MIoU, ["val_f"] = scores.FScore });
    }
}

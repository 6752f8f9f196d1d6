namespace SegPref.Models.Segmentation.Training;

/// <summary>
/// Chooses the operating point of SeDAM's dynamic mask on the val split. The relevance is trained as the logit of
/// "this cue's class sounds" (cue-relevance loss), so the paper's rule, keep when the logit is at least 0, keeps a cue
/// at even odds; what segmentation needs is another matter (a sounding visible object left blank costs that frame's
/// whole J). The objective counts two versions of every val clip once each: its own audio (J against the masks; on the
/// realistic preset this already holds frames whose only sound is off-screen, with empty masks) and its noise floor
/// alone (the share of frames left blank: a room where nothing plays). The threshold with the best mean wins; ties go
/// to the threshold closest to 0. The blank share under another clip's audio is measured and reported, not optimised
/// (weighting it as much as the clips' own audio picks the strictest threshold and gives up a fifth of the J).
/// Nothing here looks at the audio itself: the threshold applies to the learned relevance logits, the same for every
/// input.
/// </summary>
public static class KeepThresholdCalibrator
{
    /// <summary>Thresholds tried, from strict to permissive.</summary>
    public static IReadOnlyList<double> Grid { get; } = [0.5, 0.0, -0.5, -1.0, -1.5, -2.0, -3.0];

    /// <summary>
    /// Tries each threshold of <paramref name="grid"/> (default <see cref="Grid"/>, which must contain 0) on the three
    /// val splits, leaves the best one in <paramref name="model"/> and reports every trial.
    /// </summary>
    /// <exception cref="ArgumentException">The model has no dynamic mask, or the grid lacks 0 or holds a non-finite value.</exception>
    public static KeepThresholdCalibration Calibrate(
        TesoSegmenter model,
        SegmentationSplit own,
        SegmentationSplit floor,
        SegmentationSplit swapped,
        IProgress<KeepThresholdTrial>? progress = null,
        IReadOnlyList<double>? grid = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(floor);
        ArgumentNullException.ThrowIfNull(swapped);
        if (model.Options.DynamicMask is DynamicMaskMode.Off or DynamicMaskMode.Calibrated)
        {
            throw new ArgumentException($"The keep threshold applies to the paper's and the peak dynamic mask; this model uses '{model.Options.DynamicMask}'.", nameof(model));
        }

        grid ??= Grid;
        if (!grid.Contains(0.0) || grid.Any(t => !double.IsFinite(t)))
        {
            throw new ArgumentException("The threshold grid must be finite and contain 0 (the paper's rule).", nameof(grid));
        }

        var trials = new List<KeepThresholdTrial>();
        foreach (var threshold in grid)
        {
            model.Sedam.SetKeepThreshold(threshold);
            var j = SegmentationEvaluator.Evaluate(model, own).MIoU;
            var floorBlank = SegmentationEvaluator.Evaluate(model, floor).SilentFrameFraction ?? 0;
            var swappedBlank = SegmentationEvaluator.Evaluate(model, swapped).SilentFrameFraction ?? 0;
            var trial = new KeepThresholdTrial(threshold, j, floorBlank, swappedBlank, (j + floorBlank) / 2);
            trials.Add(trial);
            progress?.Report(trial);
        }

        var best = trials.OrderByDescending(t => t.Score).ThenBy(t => Math.Abs(t.Threshold)).First();
        model.Sedam.SetKeepThreshold(best.Threshold);
        return new KeepThresholdCalibration(best.Threshold, trials.Single(t => t.Threshold == 0), best, trials);
    }
}

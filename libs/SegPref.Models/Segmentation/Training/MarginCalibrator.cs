namespace SegPref.Models.Segmentation.Training;

/// <summary>
/// Picks SeDAM's margin on the val split. With the calibrated relevance, audio equal to the silence embedding gives
/// every cue relevance -margin, so any positive margin still masks everything under muted audio; how large it should
/// be for real audio is a validation question (the prototype findings said as much). The grid scales the learned
/// margin down and up; the margin with the best val mIoU under normal audio wins (ties: the larger margin). Only the
/// <see cref="DynamicMaskMode.Calibrated"/> ablation has a margin.
/// </summary>
public static class MarginCalibrator
{
    /// <summary>Multiples of the learned margin that are tried.</summary>
    public static IReadOnlyList<double> Factors { get; } = [0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1.0, 1.5];

    /// <summary>
    /// Tries each margin on <paramref name="val"/>, leaves the best one in <paramref name="model"/> and reports the grid.
    /// <paramref name="learnedMargin"/> is the margin training ended with, when the model was calibrated before (the
    /// grid is then built on it again, so calibrating twice gives the same choice); default: the model's margin.
    /// </summary>
    /// <exception cref="ArgumentException">The model's dynamic mask is not <see cref="DynamicMaskMode.Calibrated"/>.</exception>
    public static MarginCalibration Calibrate(TesoSegmenter model, SegmentationSplit val, IProgress<MarginTrial>? progress = null, double? learnedMargin = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(val);
        if (model.Options.DynamicMask != DynamicMaskMode.Calibrated)
        {
            throw new ArgumentException($"Only the silence-calibrated dynamic mask has a margin to calibrate; this model uses '{model.Options.DynamicMask}'.", nameof(model));
        }

        var learned = learnedMargin ?? model.Sedam.Margin().item<float>();
        var grid = new List<MarginTrial>();
        foreach (var margin in Factors.Select(f => f * learned))
        {
            model.Sedam.SetMargin(margin);
            var scores = SegmentationEvaluator.Evaluate(model, val);
            var trial = new MarginTrial(margin, scores.MIoU, scores.SilentFrameFraction ?? 0);
            grid.Add(trial);
            progress?.Report(trial);
        }

        var best = grid.OrderByDescending(t => t.ValMIoU).ThenByDescending(t => t.Margin).First();
        model.Sedam.SetMargin(best.Margin);
        var before = grid.Single(t => t.Margin == learned).ValMIoU;
        return new MarginCalibration(learned, best.Margin, before, best.ValMIoU, grid);
    }
}

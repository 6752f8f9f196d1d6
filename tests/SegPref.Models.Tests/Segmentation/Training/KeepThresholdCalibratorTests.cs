using SegPref.Models.Segmentation;
using SegPref.Models.Segmentation.Training;
using static TorchSharp.torch;

namespace SegPref.Models.Tests.Segmentation.Training;

[Collection(SeededTorch.Name)]
public sealed class KeepThresholdCalibratorTests : SingleThreadedTorch
{
    private static readonly double[] WideGrid = [50, 0, -50];

    [Fact]
    public void Calibrate_ReportsEveryThresholdAndLeavesTheBestInTheModel()
    {
        var (own, floor, swapped) = Splits();
        manual_seed(2);
        using var model = new TesoSegmenter(SyntheticSplit.Tiny);

        var result = KeepThresholdCalibrator.Calibrate(model, own, floor, swapped);

        Assert.Equal(KeepThresholdCalibrator.Grid, result.Grid.Select(t => t.Threshold));
        Assert.Equal(result.Grid.Max(t => t.Score), result.Chosen.Score);
        Assert.Equal(result.Threshold, result.Chosen.Threshold);
        Assert.Equal(0.0, result.Before.Threshold);
        Assert.Equal(result.Threshold, model.Sedam.KeepThreshold);
        Assert.All(result.Grid, t => Assert.Equal((t.ValJ + t.FloorBlank) / 2, t.Score, 12));

        // The model is left at the chosen threshold: scoring it again gives the chosen trial's J.
        Assert.Equal(result.Chosen.ValJ, SegmentationEvaluator.Evaluate(model, own).MIoU, 12);
    }

    [Fact]
    public void Calibrate_ExtremeThresholds_BlankEveryFrameOrNone()
    {
        var (own, floor, swapped) = Splits();
        manual_seed(2);
        using var model = new TesoSegmenter(SyntheticSplit.Tiny);

        var result = KeepThresholdCalibrator.Calibrate(model, own, floor, swapped, grid: WideGrid);

        // Far above every relevance nothing survives; far below, every valid cue does (the tiny model has no open cue,
        // so a frame without a valid cue stays blank even then).
        Assert.Equal(1.0, result.Grid[0].FloorBlank);
        Assert.Equal(1.0, result.Grid[0].SwappedBlank);
        Assert.True(result.Grid[2].FloorBlank < 1.0);
        Assert.True(result.Grid[2].SwappedBlank <= result.Grid[0].SwappedBlank);
    }

    [Fact]
    public void Calibrate_CalibratedRuleOrGridWithoutZero_IsRefused()
    {
        var (own, floor, swapped) = Splits();
        manual_seed(2);
        using var calibrated = new TesoSegmenter(SyntheticSplit.Tiny with { DynamicMask = DynamicMaskMode.Calibrated });
        using var paper = new TesoSegmenter(SyntheticSplit.Tiny);

        var ex = Assert.Throws<ArgumentException>(() => KeepThresholdCalibrator.Calibrate(calibrated, own, floor, swapped));
        Assert.Contains("Calibrated", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => KeepThresholdCalibrator.Calibrate(paper, own, floor, swapped, grid: [1.0, -1.0]));
    }

    // The split, the same frames with quiet noise for audio, and with the audio of the rows in reverse order.
    private static (SegmentationSplit Own, SegmentationSplit Floor, SegmentationSplit Swapped) Splits()
    {
        var own = SyntheticSplit.Create(clips: 3, framesPerClip: 2, seed: 5);
        var rng = new Random(9);
        var quiet = own.Audio.Select(_ => (float)(rng.NextDouble() - 0.5) * 0.01f).ToArray();
        var dim = SyntheticSplit.Tiny.AudioDim;
        var reversed = new float[own.Audio.Length];
        for (var row = 0; row < own.Count; row++)
        {
            Array.Copy(own.Audio, (own.Count - 1 - row) * dim, reversed, row * dim, dim);
        }

        return (own, own.WithAudio(quiet), own.WithAudio(reversed));
    }
}

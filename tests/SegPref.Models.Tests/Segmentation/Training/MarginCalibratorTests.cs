using SegPref.Models.Segmentation;
using SegPref.Models.Segmentation.Training;
using static TorchSharp.torch;

namespace SegPref.Models.Tests.Segmentation.Training;

[Collection(SeededTorch.Name)]
public sealed class MarginCalibratorTests : SingleThreadedTorch
{
    [Theory]
    [InlineData(0.01)]
    [InlineData(0.5)]
    [InlineData(3.0)]
    public void SetMargin_PositiveValue_MarginReadsBack(double margin)
    {
        manual_seed(1);
        using var model = new TesoSegmenter(SyntheticSplit.Tiny);

        model.Sedam.SetMargin(margin);

        Assert.Equal(margin, model.Sedam.Margin().item<float>(), 1e-5);
    }

    [Fact]
    public void SetMargin_Zero_Throws()
    {
        manual_seed(1);
        using var model = new TesoSegmenter(SyntheticSplit.Tiny);

        Assert.Throws<ArgumentOutOfRangeException>(() => model.Sedam.SetMargin(0));
    }

    [Fact]
    public void Calibrate_AnyChoice_KeepsSilenceFullyMaskedAndReportsTheGrid()
    {
        var split = SyntheticSplit.Create(clips: 3, framesPerClip: 2, seed: 5);
        manual_seed(2);
        using var model = new TesoSegmenter(SyntheticSplit.Tiny with { DynamicMask = DynamicMaskMode.Calibrated });
        using (var silence = tensor(split.Audio.AsSpan(0, SyntheticSplit.Tiny.AudioDim).ToArray()))
        {
            model.SetSilenceEmbedding(silence);
        }

        var result = MarginCalibrator.Calibrate(model, split);
        var muted = new float[split.Audio.Length];
        for (var row = 0; row < split.Count; row++)
        {
            Array.Copy(split.Audio, 0, muted, row * SyntheticSplit.Tiny.AudioDim, SyntheticSplit.Tiny.AudioDim);
        }

        var scores = SegmentationEvaluator.Evaluate(model, split.WithAudio(muted));

        Assert.Equal(MarginCalibrator.Factors.Count, result.Grid.Count);
        Assert.Equal(result.Grid.Max(t => t.ValMIoU), result.ValMIoU);
        Assert.Equal(result.Margin, model.Sedam.Margin().item<float>(), 1e-5);
        Assert.Equal(1.0, scores.SilentFrameFraction);
        Assert.Equal(0.0, scores.NullS);

        // Calibrating again from the recorded learned margin repeats the same grid and choice.
        var again = MarginCalibrator.Calibrate(model, split, learnedMargin: result.LearnedMargin);
        Assert.Equal(result.LearnedMargin, again.LearnedMargin);
        Assert.Equal(result.Grid.Select(t => t.Margin), again.Grid.Select(t => t.Margin));
        Assert.Equal(result.Margin, again.Margin);
    }

    [Fact]
    public void Calibrate_PaperRule_IsRefusedNamingTheMode()
    {
        var split = SyntheticSplit.Create(clips: 2, framesPerClip: 2, seed: 5);
        manual_seed(2);
        using var model = new TesoSegmenter(SyntheticSplit.Tiny with { DynamicMask = DynamicMaskMode.Paper });

        var ex = Assert.Throws<ArgumentException>(() => MarginCalibrator.Calibrate(model, split));
        Assert.Contains("Paper", ex.Message, StringComparison.Ordinal);
    }
}

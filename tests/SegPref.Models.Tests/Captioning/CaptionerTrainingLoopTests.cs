using SegPref.Models.Captioning;
using SegPref.Models.Torch;
using static TorchSharp.torch;

namespace SegPref.Models.Tests.Captioning;

public sealed class CaptionerTrainingLoopTests
{
    public CaptionerTrainingLoopTests() => TorchRuntime.EnsureInitialized();

    [Fact]
    public void RunEpoch_AFewSteps_LowersTheValidationLoss()
    {
        manual_seed(5);
        var frames = TinyCaptioning.Frames(32);
        var sequences = frames.Select(f => CaptionBatch.Sequence(TinyCaptioning.Vocabulary, f.Description, 12)).ToList();
        var options = new CaptionerTrainingOptions { Epochs = 4, BatchSize = 8, LearningRate = 3e-3, WarmupSteps = 2, LabelSmoothing = 0 };
        using var model = new Captioner(TinyCaptioning.Config());
        var loop = new CaptionerTrainingLoop(model, options, frames, sequences);

        var before = CaptionEvaluation.Loss(model, frames, sequences, 16);
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            loop.RunEpoch(epoch);
        }

        var after = CaptionEvaluation.Loss(model, frames, sequences, 16);
        Assert.True(after < before * 0.5, $"loss {before:0.000} -> {after:0.000}");
    }

    [Fact]
    public void Sequence_TooLong_IsCutToTheTokenLimit()
    {
        var sequence = CaptionBatch.Sequence(TinyCaptioning.Vocabulary, "a red box on the left.", 4);

        Assert.Equal([CaptionVocabulary.Bos, 4, 5, 6], sequence);
    }

    [Fact]
    public void At_Schedule_WarmsUpThenDecaysToTheFloor()
    {
        Assert.Equal(0.5, LearningRateSchedule.At(0, 100, 2, 1.0), 12);
        Assert.Equal(1.0, LearningRateSchedule.At(2, 100, 2, 1.0), 12);
        Assert.Equal(LearningRateSchedule.FloorFraction, LearningRateSchedule.At(100, 100, 2, 1.0), 12);
    }
}

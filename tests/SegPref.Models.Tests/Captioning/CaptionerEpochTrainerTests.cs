using SegPref.Models.Captioning;
using SegPref.Models.Torch;
using SegPref.Models.Training;
using static TorchSharp.torch;

namespace SegPref.Models.Tests.Captioning;

public sealed class CaptionerEpochTrainerTests
{
    public CaptionerEpochTrainerTests() => TorchRuntime.EnsureInitialized();

    [Fact]
    public void RunEpoch_AFewSteps_LowersTheValidationLoss()
    {
        manual_seed(5);
        var frames = TinyCaptioning.Frames(32);
        var sequences = frames.Select(f => CaptionBatch.Sequence(TinyCaptioning.Vocabulary, f.Description, 12)).ToList();
        var options = new CaptionerTrainingOptions { Epochs = 4, BatchSize = 8, LearningRate = 3e-3, WarmupSteps = 2, LabelSmoothing = 0 };
        using var model = new Captioner(TinyCaptioning.Config());
        using var trainer = new CaptionerEpochTrainer(model, options, frames, sequences, TinyCaptioning.Vocabulary, frames, sequences);

        var before = CaptionEvaluation.Loss(model, frames, sequences, 16);
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            RunEpoch(trainer, epoch);
        }

        var after = CaptionEvaluation.Loss(model, frames, sequences, 16);
        Assert.True(after < before * 0.5, $"loss {before:0.000} -> {after:0.000}");
    }

    [Fact]
    public void RunEpoch_WithObjectHead_LowersTheVisibleKindsLoss()
    {
        manual_seed(5);
        var frames = TinyCaptioning.Frames(32).Select(f => f with { Description = f.Description.Replace("red box", "red dog", StringComparison.Ordinal) }).ToList();
        var sequences = frames.Select(f => CaptionBatch.Sequence(TinyCaptioning.Vocabulary, f.Description, 12)).ToList();
        var kinds = ObjectTargets.Kinds(frames.Select(f => f.Description));
        var options = new CaptionerTrainingOptions { Epochs = 4, BatchSize = 8, LearningRate = 3e-3, WarmupSteps = 2, LabelSmoothing = 0 };
        using var model = new Captioner(TinyCaptioning.Config() with { ObjectKinds = kinds });
        using var trainer = new CaptionerEpochTrainer(model, options, frames, sequences, TinyCaptioning.Vocabulary, frames, sequences);
        var rows = ObjectTargets.Rows(kinds, frames.Select(f => f.Description));

        var before = ObjectLoss(model, frames, rows);
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            RunEpoch(trainer, epoch);
        }

        var after = ObjectLoss(model, frames, rows);
        Assert.Equal(["box", "dog"], kinds);
        Assert.True(after < before * 0.5, $"object loss {before:0.000} -> {after:0.000}");
    }

    [Fact]
    public void Sequence_TooLong_IsCutToTheTokenLimit()
    {
        var sequence = CaptionBatch.Sequence(TinyCaptioning.Vocabulary, "a red box on the left.", 4);

        Assert.Equal([CaptionVocabulary.Bos, 4, 5, 6], sequence);
    }

    [Fact]
    public void Step_NaNInTheWeights_ThrowsBeforeTheOptimiserStep()
    {
        var frames = TinyCaptioning.Frames(8);
        var sequences = frames.Select(f => CaptionBatch.Sequence(TinyCaptioning.Vocabulary, f.Description, 12)).ToList();
        var options = new CaptionerTrainingOptions { Epochs = 1, BatchSize = 8, WarmupSteps = 1 };
        using var model = new Captioner(TinyCaptioning.Config());
        using var trainer = new CaptionerEpochTrainer(model, options, frames, sequences, TinyCaptioning.Vocabulary, frames, sequences);
        using (no_grad())
        {
            model.parameters().First().fill_(float.NaN);
        }

        var before = model.parameters().Skip(1).Select(p => p.detach().clone()).ToList();
        trainer.BeginEpoch(1);

        var error = Assert.Throws<NonFiniteLossException>(() => trainer.Step(0));

        Assert.Equal(1, error.Step);
        Assert.Equal(0, trainer.Optimizer.StepCount);
        Assert.All(model.parameters().Skip(1).Zip(before), p => Assert.True(p.First.detach().eq(p.Second).all().item<bool>(), "a weight changed"));
    }

    private static void RunEpoch(CaptionerEpochTrainer trainer, int epoch)
    {
        trainer.BeginEpoch(epoch);
        for (var step = 0; step < trainer.StepsPerEpoch; step++)
        {
            trainer.Step(step);
        }
    }

    private static double ObjectLoss(Captioner model, List<CaptionFrame> frames, float[][] rows)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        model.eval();
        var indices = Enumerable.Range(0, frames.Count).ToArray();
        var images = CaptionImages.ToTensor([.. frames.Select(f => f.Image)], 32);
        var logits = model.ObjectLogits(model.Encode(images));
        return nn.functional.binary_cross_entropy_with_logits(logits, ObjectTargets.Batch(rows, indices, rows[0].Length)).item<float>();
    }
}

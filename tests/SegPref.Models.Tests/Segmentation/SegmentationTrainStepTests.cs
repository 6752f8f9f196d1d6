using SegPref.Models.Segmentation;
using SegPref.Models.Training;
using static TorchSharp.torch;

namespace SegPref.Models.Tests.Segmentation;

[Collection(SeededTorch.Name)]
public sealed class SegmentationTrainStepTests : SingleThreadedTorch
{
    // 32x32 frames keep these multi-step tests cheap; the trunk works at any multiple of 32.
    private static readonly SegmenterOptions Tiny = SegmenterOptions.Small with { ImageSize = 32 };

    [Theory]
    [InlineData("teso")]
    [InlineData("audio-only")]
    public void Run_TwentyStepsOnAFixedBatch_LossDecreases(string kind)
    {
        using var scope = NewDisposeScope();
        manual_seed(41);
        var options = Tiny;
        using var model = Segmenter.Create(kind, options);
        using var trainer = new SegmentationTrainStep(model, new SegmentationLossOptions(), learningRate: 2e-3);
        var input = SegmentationBatch.Random(options, 2, 42);
        var masks = SegmentationBatch.Masks(options, 2);

        var losses = Enumerable.Range(0, 20).Select(_ => trainer.Run(input, masks)).ToList();

        Assert.Equal(20, trainer.StepCount);
        Assert.True(losses.All(l => double.IsFinite(l.Total)));
        Assert.True(losses[^1].Total < 0.8 * losses[0].Total, $"loss {losses[0].Total} -> {losses[^1].Total}");
    }

    [Fact]
    public void Run_WithCueTargets_TeachesSedamWhichCuesSound()
    {
        using var scope = NewDisposeScope();
        manual_seed(43);
        var options = Tiny;
        using var model = new TesoSegmenter(options);
        using var trainer = new SegmentationTrainStep(model, new SegmentationLossOptions(CueWeight: 1), learningRate: 2e-3);
        var input = SegmentationBatch.Random(options, 2, 44);
        var masks = SegmentationBatch.Masks(options, 2);
        // Frame 0: slots 0 and 2 sound, slot 1 is silent, slot 3 holds no cue; frame 1: only slot 3 sounds.
        var targets = tensor(new float[] { 1, 0, 1, -1, 0, 0, 0, 1 }, [2, 4]);

        var losses = Enumerable.Range(0, 30).Select(_ => trainer.Run(input, masks, targets)).ToList();
        model.eval();
        using var noGrad = no_grad();
        var keep = model.call(input).Sedam!.Keep.data<bool>().ToArray();

        Assert.True(losses[^1].Cue < 0.5 * losses[0].Cue, $"cue loss {losses[0].Cue} -> {losses[^1].Cue}");
        Assert.Equal([true, false, true, false, false, false, false, true], keep);
    }

    [Fact]
    public void Run_WithCounterfactualAudio_KeepsSoundingCuesOnTheirOwnAudioAndDropsEveryCueOnTheOther()
    {
        using var scope = NewDisposeScope();
        var (model, input, other, losses) = TrainCounterfactual(seed: 45, keepsTargets: false);
        using var noGrad = no_grad();
        var own = model.call(input).Sedam!.Keep.data<bool>().ToArray();
        var swapped = model.call(input with { Audio = other }).Sedam!.Keep.data<bool>().ToArray();

        Assert.True(losses[0].Counterfactual > 0 && losses[^1].Counterfactual < 0.5 * losses[0].Counterfactual, $"counterfactual {losses[0].Counterfactual} -> {losses[^1].Counterfactual}");
        Assert.Equal(losses[^1].Bce + losses[^1].Dice + (0.1 * losses[^1].InfoNce) + losses[^1].Cue + losses[^1].Counterfactual, losses[^1].Total, 4);
        Assert.Equal(CounterfactualKeep, own);
        Assert.All(swapped, Assert.False);
        model.Dispose();
    }

    [Fact]
    public void Run_WithCounterfactualAudioThatKeepsTargets_TeachesTheSameCuesOnThatAudio()
    {
        using var scope = NewDisposeScope();
        var (model, input, mixed, losses) = TrainCounterfactual(seed: 51, keepsTargets: true);
        using var noGrad = no_grad();
        var output = model.call(input with { Audio = mixed });

        Assert.Equal(CounterfactualKeep, output.Sedam!.Keep.data<bool>().ToArray());
        Assert.Equal(SegmentationLoss.Relevance(output.Sedam, CounterfactualTargets()).item<float>(), SegmentationLoss.Compute(output, SegmentationBatch.Masks(Tiny, 2), new SegmentationLossOptions(CueWeight: 1), CounterfactualTargets()).Cue.item<float>(), 5);
        Assert.True(losses[^1].Counterfactual < 0.5 * losses[0].Counterfactual);
        model.Dispose();
    }

    [Fact]
    public void Counterfactual_IsTheMeanLayerBceAgainstZeroOverTheSlotsThatHoldACue()
    {
        using var scope = NewDisposeScope();
        manual_seed(49);
        using var model = new TesoSegmenter(Tiny);
        using var noGrad = no_grad();
        var sedam = model.call(SegmentationBatch.Random(Tiny, 2, 50)).Sedam!;
        var targets = tensor(new float[] { 1, 0, -1, -1, 0, 1, 1, -1 }, [2, 4]);

        var term = SegmentationLoss.Counterfactual(sedam, targets).item<float>();

        var present = new[] { 0, 1, 4, 5, 6 };
        var expected = sedam.LayerRelevance.Average(r =>
        {
            var logits = r.data<float>().ToArray();
            return present.Average(i => Math.Log(1 + Math.Exp(logits[i])));
        });
        Assert.Equal(expected, term, 4);
        Assert.Equal(0f, SegmentationLoss.Counterfactual(sedam, full(2, 4, -1f)).item<float>());
    }

    [Fact]
    public void CounterfactualOpenCue_IsTheOpenCuesLastLayerBceAgainstZeroAndLeavesTheTextCuesOut()
    {
        using var scope = NewDisposeScope();
        manual_seed(52);
        var options = Tiny with { OpenCue = true };
        using var model = new TesoSegmenter(options);
        var sedam = model.call(SegmentationBatch.Random(options, 2, 53)).Sedam!;

        var term = SegmentationLoss.CounterfactualOpenCue(sedam);

        var open = sedam.LayerRelevance[^1].select(1, -1).data<float>().ToArray();
        Assert.Equal(open.Average(l => Math.Log(1 + Math.Exp(l))), term.item<float>(), 4);

        // Its gradient reaches the open cue's relevance in the last layer only: the text cues' slots get none.
        var relevance = sedam.LayerRelevance[^1];
        relevance.retain_grad();
        term.backward();
        var grad = relevance.grad!;
        Assert.Equal(0f, grad.narrow(1, 0, options.CueSlots).abs().sum().item<float>());
        Assert.True(grad.select(1, -1).abs().sum().item<float>() > 0);
        using var plain = new TesoSegmenter(Tiny);
        Assert.Throws<ArgumentException>(() => SegmentationLoss.CounterfactualOpenCue(plain.call(SegmentationBatch.Random(Tiny, 1, 54)).Sedam!));
    }

    [Fact]
    public void CueLoss_EvidenceRelevance_IsRelevancePlusDetachedPriorAndThePriorsOwnTerm()
    {
        using var scope = NewDisposeScope();
        manual_seed(48);
        var options = Tiny with { EvidenceRelevance = true };
        using var model = new TesoSegmenter(options);
        var input = SegmentationBatch.Random(options, 2, 49);
        var masks = SegmentationBatch.Masks(options, 2);
        var targets = tensor(new float[] { 1, 0, 1, -1, 0, 0, 0, 1 }, [2, 4]);

        var output = model.call(input);
        var loss = SegmentationLoss.Compute(output, masks, new SegmentationLossOptions(CueWeight: 1), targets);
        var sedam = output.Sedam!;
        var present = targets.ge(0);
        Tensor Bce(Tensor logits) => nn.functional.binary_cross_entropy_with_logits(logits.masked_select(present), targets.masked_select(present));
        var expected = (sedam.LayerRelevance.Select(r => Bce(r + sedam.Prior!.detach()).item<float>()).Sum() + Bce(sedam.Prior!).item<float>()) / (sedam.LayerRelevance.Count + 1);

        Assert.Equal(expected, loss.Cue.item<float>(), 5);
        Assert.Equal([2L, 4L], sedam.Prior!.shape);

        // The relevance terms send no gradient into the prior head: its gradient is that of its own term alone.
        model.zero_grad();
        loss.Cue.backward();
        var prior = model.named_parameters().Where(p => p.name.Contains("cue_prior", StringComparison.Ordinal)).Select(p => p.parameter.grad!.clone()).ToList();
        model.zero_grad();
        var again = model.call(input).Sedam!;
        (Bce(again.Prior!) / (again.LayerRelevance.Count + 1)).backward();
        var own = model.named_parameters().Where(p => p.name.Contains("cue_prior", StringComparison.Ordinal)).Select(p => p.parameter.grad!).ToList();
        Assert.NotEmpty(prior);
        Assert.All(prior.Zip(own), p => Assert.True(p.First.allclose(p.Second, rtol: 1e-4, atol: 1e-6)));
        Assert.Null(new TesoSegmenter(Tiny).call(input).Sedam!.Prior);
    }

    [Fact]
    public void Run_WithCueTargetsAndOpenCue_FirstLayerKeepsTheOpenCueAndTheLastDecides()
    {
        using var scope = NewDisposeScope();
        manual_seed(46);
        var options = Tiny with { OpenCue = true };
        using var model = new TesoSegmenter(options);
        using var trainer = new SegmentationTrainStep(model, new SegmentationLossOptions(CueWeight: 1), learningRate: 2e-3);
        var input = SegmentationBatch.Random(options, 2, 47);
        var masks = SegmentationBatch.Masks(options, 2);
        // Frame 0: the named cues cover what sounds (open cue 0); frame 1: something unnamed sounds (open cue 1).
        var targets = tensor(new float[] { 1, 0, 0, -1, 0, 0, 0, 0, 0, 1 }, [2, 5]);

        for (var i = 0; i < 40; i++)
        {
            trainer.Run(input, masks, targets);
        }

        model.eval();
        using var noGrad = no_grad();
        var sedam = model.call(input).Sedam!;

        Assert.True(sedam.HasOpenCue);
        Assert.Equal([true, true], sedam.LayerKeeps[0][TensorIndex.Colon, -1].data<bool>().ToArray());
        Assert.Equal([false, true], sedam.Keep[TensorIndex.Colon, -1].data<bool>().ToArray());
    }

    [Fact]
    public void Run_WithGroundingTargets_TheHeadLearnsWhereEachCuesObjectIs()
    {
        using var scope = NewDisposeScope();
        manual_seed(48);
        var options = Tiny with { Grounding = true };
        using var model = new TesoSegmenter(options);
        using var trainer = new SegmentationTrainStep(model, new SegmentationLossOptions(GroundingWeight: 1), learningRate: 2e-3);
        var input = SegmentationBatch.Random(options, 2, 49);
        var masks = SegmentationBatch.Masks(options, 2);
        // Slot 0: an object in the left half; slot 1: one in the bottom half; slot 2: named but not drawn; slot 3: no cue.
        var targets = zeros(2, 4, 32, 32);
        targets[TensorIndex.Colon, 0, TensorIndex.Colon, TensorIndex.Slice(0, 16)] = 1;
        targets[TensorIndex.Colon, 1, TensorIndex.Slice(16, 32), TensorIndex.Colon] = 1;
        targets[TensorIndex.Colon, 3] = -1;

        var losses = Enumerable.Range(0, 40).Select(_ => trainer.Run(input, masks, null, targets)).ToList();
        model.eval();
        using var noGrad = no_grad();
        var grounding = model.call(input).GroundingLogits!;

        Assert.Equal([2, 4, 8, 8], grounding.shape);
        Assert.True(losses[^1].Grounding < 0.5 * losses[0].Grounding, $"grounding loss {losses[0].Grounding} -> {losses[^1].Grounding}");
        Assert.True(grounding[0, 0, TensorIndex.Colon, TensorIndex.Slice(0, 4)].mean().item<float>() > grounding[0, 0, TensorIndex.Colon, TensorIndex.Slice(4, 8)].mean().item<float>());
        Assert.True(grounding[1, 1, TensorIndex.Slice(4, 8)].mean().item<float>() > grounding[1, 1, TensorIndex.Slice(0, 4)].mean().item<float>());
    }

    [Fact]
    public void Run_AudioOnlyWithObjectTargets_LearnsWhereAnyObjectIs()
    {
        using var scope = NewDisposeScope();
        manual_seed(55);
        var options = Tiny with { Grounding = true };
        using var model = new AudioOnlySegmenter(options);
        using var trainer = new SegmentationTrainStep(model, new SegmentationLossOptions(GroundingWeight: 1), learningRate: 2e-3);
        var input = SegmentationBatch.Random(options, 2, 56);
        var masks = SegmentationBatch.Masks(options, 2);
        var targets = zeros(2, 1, 32, 32);
        targets[TensorIndex.Colon, 0, TensorIndex.Slice(0, 16), TensorIndex.Slice(0, 16)] = 1;

        var losses = Enumerable.Range(0, 40).Select(_ => trainer.Run(input, masks, null, targets)).ToList();
        model.eval();
        using var noGrad = no_grad();
        var objects = model.call(input).GroundingLogits!;

        Assert.Equal([2, 1, 8, 8], objects.shape);
        Assert.True(losses[^1].Grounding < 0.5 * losses[0].Grounding, $"grounding loss {losses[0].Grounding} -> {losses[^1].Grounding}");
        Assert.True(objects[0, 0, TensorIndex.Slice(0, 4), TensorIndex.Slice(0, 4)].mean().item<float>() > objects[0, 0, TensorIndex.Slice(4, 8), TensorIndex.Slice(4, 8)].mean().item<float>());
    }

    [Fact]
    public void Run_GroundingWeightWithoutTheHead_ThrowsArgumentException()
    {
        using var scope = NewDisposeScope();
        using var model = new TesoSegmenter(Tiny);
        using var trainer = new SegmentationTrainStep(model, new SegmentationLossOptions(GroundingWeight: 1));

        var error = Assert.Throws<ArgumentException>(() => trainer.Run(SegmentationBatch.Random(Tiny, 2, 50), SegmentationBatch.Masks(Tiny, 2), null, zeros(2, 4, 32, 32)));

        Assert.Contains("grounding head", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Forward_TheGroundingHead_DoesNotChangeTheMap()
    {
        using var scope = NewDisposeScope();
        manual_seed(53);
        using var plain = new TesoSegmenter(Tiny);
        using var grounded = new TesoSegmenter(Tiny with { Grounding = true });
        var weights = plain.state_dict();
        grounded.load_state_dict(weights, strict: false);
        plain.eval();
        grounded.eval();
        var input = SegmentationBatch.Random(Tiny, 2, 54);
        using var noGrad = no_grad();

        var a = plain.call(input);
        var b = grounded.call(input);

        Assert.Null(a.GroundingLogits);
        Assert.NotNull(b.GroundingLogits);
        Assert.Equal(a.MapLogits.data<float>().ToArray(), b.MapLogits.data<float>().ToArray());
    }

    [Fact]
    public void Run_WithoutCueWeight_ReportsNoCueTerm()
    {
        using var scope = NewDisposeScope();
        using var model = new TesoSegmenter(Tiny);
        using var trainer = new SegmentationTrainStep(model, new SegmentationLossOptions());

        var parts = trainer.Run(SegmentationBatch.Random(Tiny, 2, 45), SegmentationBatch.Masks(Tiny, 2), tensor(new float[] { 1, 0, 1, -1, 0, 0, 0, 1 }, [2, 4]));

        Assert.Equal(0, parts.Cue);
    }

    [Fact]
    public void Run_SameSeedTwice_GivesIdenticalLossesAndWeights()
    {
        var (lossesA, mapA) = TrainTwoSteps(51);
        var (lossesB, mapB) = TrainTwoSteps(51);

        Assert.Equal(lossesA, lossesB);
        Assert.Equal(mapA, mapB);
    }

    [Fact]
    public void Run_NaNInTheTarget_ThrowsNamingTheStep()
    {
        using var scope = NewDisposeScope();
        var options = Tiny;
        using var model = new TesoSegmenter(options);
        using var trainer = new SegmentationTrainStep(model, new SegmentationLossOptions());
        var input = SegmentationBatch.Random(options, 2, 61);
        var masks = SegmentationBatch.Masks(options, 2);
        trainer.Run(input, masks);
        masks[0, 0, 0] = float.NaN;

        var error = Assert.Throws<NonFiniteLossException>(() => trainer.Run(input, masks));

        Assert.Equal(2, error.Step);
        Assert.Contains("step 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, trainer.StepCount);
    }

    [Fact]
    public void Run_WithATinyGradientClip_BarelyMovesTheWeights()
    {
        // AdamW's first step moves every weight by about lr whatever the gradient's scale, unless the gradient is far
        // below epsilon (1e-8): a clip of 1e-12 must shrink the update by orders of magnitude.
        var free = FirstStepChange(0);
        var clipped = FirstStepChange(1e-12);

        Assert.True(free > 1e-4, $"unclipped change {free}");
        Assert.True(clipped < 1e-3 * free, $"clipped change {clipped} vs unclipped {free}");
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_InvalidGradientClip_ThrowsArgumentException(double clip)
    {
        using var model = new AudioOnlySegmenter(Tiny);

        Assert.Throws<ArgumentException>(() => new SegmentationTrainStep(model, new SegmentationLossOptions(), gradientClip: clip));
    }

    [Fact]
    public void Constructor_NegativeInfoNceWeight_ThrowsArgumentException()
    {
        using var model = new AudioOnlySegmenter(SegmenterOptions.Small);

        Assert.Throws<ArgumentException>(() => new SegmentationTrainStep(model, new SegmentationLossOptions(InfoNceWeight: -1)));
    }

    private static double FirstStepChange(double clip)
    {
        using var scope = NewDisposeScope();
        manual_seed(71);
        using var model = new AudioOnlySegmenter(Tiny);
        var before = model.parameters().Select(p => p.detach().clone()).ToList();
        using var trainer = new SegmentationTrainStep(model, new SegmentationLossOptions(), learningRate: 1e-3, weightDecay: 0, gradientClip: clip);
        trainer.Run(SegmentationBatch.Random(Tiny, 2, 72), SegmentationBatch.Masks(Tiny, 2));
        return model.parameters().Zip(before, (p, b) => (p.detach() - b).abs().max().item<float>()).Max();
    }

    private static (List<LossParts> Losses, float[] Map) TrainTwoSteps(int seed)
    {
        using var scope = NewDisposeScope();
        manual_seed(seed);
        var options = Tiny;
        using var model = new TesoSegmenter(options);
        using var trainer = new SegmentationTrainStep(model, new SegmentationLossOptions(), learningRate: 1e-3);
        var input = SegmentationBatch.Random(options, 2, 52);
        var masks = SegmentationBatch.Masks(options, 2);
        var losses = new List<LossParts> { trainer.Run(input, masks), trainer.Run(input, masks) };
        model.eval();
        using var noGrad = no_grad();
        return (losses, model.call(input).MapLogits.data<float>().ToArray());
    }

    // Frame 0: slots 0 and 2 sound, slot 1 is silent, slot 3 holds no cue; frame 1: only slot 3 sounds.
    private static readonly bool[] CounterfactualKeep = [true, false, true, false, false, false, false, true];

    private static Tensor CounterfactualTargets() => tensor(new float[] { 1, 0, 1, -1, 0, 0, 0, 1 }, [2, 4]);

    // 40 steps of the cue-relevance term plus a counterfactual pass on other audio; the model comes back in eval mode.
    private static (TesoSegmenter Model, SegmentationInput Input, Tensor Other, List<LossParts> Losses) TrainCounterfactual(int seed, bool keepsTargets)
    {
        manual_seed(seed);
        var model = new TesoSegmenter(Tiny);
        using var trainer = new SegmentationTrainStep(model, new SegmentationLossOptions(CueWeight: 1, CounterfactualWeight: 1), learningRate: 2e-3);
        var input = SegmentationBatch.Random(Tiny, 2, (ulong)seed + 1);
        var masks = SegmentationBatch.Masks(Tiny, 2);
        var other = SegmentationBatch.Random(Tiny, 2, (ulong)seed + 2).Audio;
        var targets = CounterfactualTargets();
        var losses = Enumerable.Range(0, 40).Select(_ => trainer.Run(input, masks, targets, null, other, keepsTargets)).ToList();
        model.eval();
        return (model, input, other, losses);
    }
}

using SegPref.Models.Segmentation;
using static TorchSharp.torch;

namespace SegPref.Models.Tests.Segmentation;

[Collection(SeededTorch.Name)]
public sealed class DynamicMaskTests : SingleThreadedTorch
{
    private static readonly SegmenterOptions Options = SegmenterOptions.Small with { DynamicMask = DynamicMaskMode.Paper };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Forward_TokenWithNegativeMeanLogit_IsMaskedAndNoLongerChangesTheOutput(int seed)
    {
        using var scope = NewDisposeScope();
        manual_seed(seed);
        using var model = new TesoSegmenter(Options);
        model.eval();
        MakeRelevanceEqualFirstCueComponent(model);
        var (input, cues, other) = FirstCueDropped(ones(1, 4, dtype: ScalarType.Bool));

        using var noGrad = no_grad();
        var a = model.call(input with { Cues = cues });
        var b = model.call(input with { Cues = other });

        Assert.Equal([false, true, true, true], a.Sedam!.LayerKeeps[0][0].data<bool>().ToArray());
        Assert.False(a.Sedam.Keep[0, 0].item<bool>());
        Assert.True(a.Sedam.LayerRelevance[0][0, 0].item<float>() < 0);
        Assert.True(a.MapLogits.equal(b.MapLogits).all().item<bool>(), $"map diff {(a.MapLogits - b.MapLogits).abs().max().item<float>()} prompts {(a.Sedam.Prompts - b.Sedam!.Prompts).abs().max().item<float>()} keepb {string.Join(",", b.Sedam.Keep.data<bool>().ToArray())} gate {a.FrameGate.item<float>()} {b.FrameGate.item<float>()} kw {string.Join(",", b.Sedam.KeepWeight.data<float>().ToArray())}");
        Assert.True(a.Sedam.Prompts.equal(b.Sedam!.Prompts).all().item<bool>());
        Assert.True(a.Sedam.CueTokens[0, TensorIndex.Slice(1)].equal(b.Sedam.CueTokens[0, TensorIndex.Slice(1)]).all().item<bool>());
    }

    [Fact]
    public void Forward_PeakMask_RelevanceIsTheLogMeanExpOfTheLogitsAndAtLeastTheirMean()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        var options = Options with { DynamicMask = DynamicMaskMode.Peak };
        using var model = new TesoSegmenter(options);
        model.eval();

        using var noGrad = no_grad();
        var sedam = model.call(SegmentationBatch.Random(options, 2, 13)).Sedam!;
        for (var layer = 0; layer < options.SedamLayers; layer++)
        {
            var logits = sedam.LayerAttentionLogits[layer];
            var expected = (logits.logsumexp(-1) - Math.Log(logits.shape[^1])).mean([1]);
            Assert.True(sedam.LayerRelevance[layer].allclose(expected, rtol: 1e-5, atol: 1e-6));
            Assert.True(sedam.LayerRelevance[layer].ge(logits.mean([-1]).mean([1]) - 1e-6).all().item<bool>(), "a soft maximum is never below the mean");
        }
    }

    [Theory]
    [InlineData(DynamicMaskMode.Paper, -0.05)]
    [InlineData(DynamicMaskMode.Paper, 0.05)]
    [InlineData(DynamicMaskMode.Peak, 0.02)]
    public void Forward_KeepThreshold_KeepsExactlyTheCuesAtOrAboveItAndShiftsTheSoftKeep(DynamicMaskMode mode, double threshold)
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        var options = Options with { DynamicMask = mode, KeepThreshold = threshold };
        using var model = new TesoSegmenter(options);
        model.eval();
        var input = SegmentationBatch.Random(options, 3, 17) with { CueValid = ones(3, 4, dtype: ScalarType.Bool) };

        using var noGrad = no_grad();
        var sedam = model.call(input).Sedam!;
        var first = sedam.LayerRelevance[0];
        var expectedKeep = first.ge(threshold);
        var expectedSoft = ((first - threshold) / options.RelevanceTemperature).sigmoid();

        Assert.True(sedam.LayerKeeps[0].equal(expectedKeep).all().item<bool>());
        // Random weights give relevances on both sides of a threshold this close to 0, so the test can tell it apart from 0.
        Assert.True(first.ge(0).ne(expectedKeep).any().item<bool>(), "no relevance lies between 0 and the threshold");
        var support = expectedSoft;
        for (var layer = 1; layer < options.SedamLayers; layer++)
        {
            support = support * ((sedam.LayerRelevance[layer] - threshold) / options.RelevanceTemperature).sigmoid();
        }

        Assert.True(sedam.Support.allclose(support.max(-1).values, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void SetKeepThreshold_SameAsBuildingWithIt()
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        using var built = new TesoSegmenter(Options with { KeepThreshold = -0.03 });
        manual_seed(6);
        using var changed = new TesoSegmenter(Options);
        changed.Sedam.SetKeepThreshold(-0.03);
        built.eval();
        changed.eval();
        var input = SegmentationBatch.Random(Options, 2, 19);

        using var noGrad = no_grad();
        Assert.True(built.call(input).MapLogits.equal(changed.call(input).MapLogits).all().item<bool>());
        Assert.Equal(-0.03, changed.Sedam.KeepThreshold);
        Assert.Throws<ArgumentOutOfRangeException>(() => changed.Sedam.SetKeepThreshold(double.NaN));
    }

    [Fact]
    public void Forward_SameChangeToAKeptToken_ChangesTheOutput()
    {
        using var scope = NewDisposeScope();
        using var model = new TesoSegmenter(Options);
        model.eval();
        MakeRelevanceEqualFirstCueComponent(model);
        var input = SegmentationBatch.Random(Options, 1, 11) with { CueValid = ones(1, 4, dtype: ScalarType.Bool) };
        var cues = input.Cues!.clone();
        cues[0, TensorIndex.Colon, 0] = 1;
        var other = cues.clone();
        other[0, 0, TensorIndex.Slice(1)] = randn(Options.TextDim - 1, generator: new Generator(12)) * 3;

        using var noGrad = no_grad();
        var a = model.call(input with { Cues = cues });
        var b = model.call(input with { Cues = other });

        Assert.True(a.Sedam!.LayerKeeps[0][0, 0].item<bool>());
        Assert.False(a.Sedam.CueTokens[0, 1].equal(b.Sedam!.CueTokens[0, 1]).all().item<bool>());
    }

    [Fact]
    public void Forward_DynamicMaskOff_KeepsEveryValidCue()
    {
        using var scope = NewDisposeScope();
        var options = Options with { DynamicMask = DynamicMaskMode.Off };
        using var model = new TesoSegmenter(options);
        model.eval();
        MakeRelevanceEqualFirstCueComponent(model);
        var input = SegmentationBatch.Random(options, 1, 13);
        var cues = input.Cues!.clone();
        cues[0, TensorIndex.Colon, 0] = -1;

        using var noGrad = no_grad();
        var output = model.call(input with { Cues = cues });

        Assert.Equal([true, true, true, false], output.Sedam!.Keep[0].data<bool>().ToArray());
        Assert.Equal(1f, output.FrameGate.min().item<float>());
    }

    [Theory]
    [InlineData(DynamicMaskMode.Paper)]
    [InlineData(DynamicMaskMode.Off)]
    public void Forward_Support_IsTheBestValidSlotsProductOfSigmoidRelevances(DynamicMaskMode mode)
    {
        using var scope = NewDisposeScope();
        var options = Options with { DynamicMask = mode, RelevanceTemperature = 2 };
        manual_seed(5);
        using var model = new TesoSegmenter(options);
        model.eval();
        var input = SegmentationBatch.Random(options, 3, 17) with { CueValid = tensor(new[] { true, false, true, true, false, false, false, false, true, true, false, false }, [3, 4]) };

        using var noGrad = no_grad();
        var sedam = model.call(input).Sedam!;

        var relevance = sedam.LayerRelevance.Select(r => r.data<float>().ToArray()).ToList();
        var valid = input.CueValid!.data<bool>().ToArray();
        var support = sedam.Support.data<float>().ToArray();
        var slots = sedam.SlotSupport!.data<float>().ToArray();
        for (var b = 0; b < 3; b++)
        {
            var perSlot = Enumerable.Range(0, 4)
                .Select(k => valid[(b * 4) + k] ? relevance.Aggregate(1.0, (p, r) => p / (1 + Math.Exp(-r[(b * 4) + k] / 2))) : 0)
                .ToArray();
            Assert.Equal(perSlot.Max(), support[b], 5);
            for (var k = 0; k < 4; k++)
            {
                Assert.Equal(perSlot[k], slots[(b * 4) + k], 5);
            }
        }

        Assert.Equal(0f, support[1]);
    }

    [Fact]
    public void Forward_SilentPrompts_ADroppedCueStillReachesTheDecoderAndOnlyEmptySlotsAreHidden()
    {
        using var scope = NewDisposeScope();
        var silent = Options with { SilentPrompts = true };
        manual_seed(3);
        using var plain = new TesoSegmenter(Options);
        manual_seed(3);
        using var model = new TesoSegmenter(silent);
        foreach (var m in new[] { plain, model })
        {
            m.eval();
            MakeRelevanceEqualFirstCueComponent(m);

            // The second layer's relevance is exactly 0 (zero keys), so it keeps what the first layer kept.
            var p = m.Sedam.named_parameters().ToDictionary(x => x.name, x => x.parameter);
            using var noGradInit = no_grad();
            p["layers.1.cross_attn.attn.k_proj.weight"].zero_();
            p["layers.1.cross_attn.attn.k_proj.bias"].zero_();
        }

        // Slot 0 is dropped (negative relevance), slots 1-2 kept, slot 3 empty.
        var (input, cues, other) = FirstCueDropped(tensor(new[] { true, true, true, false }, [1, 4]));

        using var noGrad = no_grad();
        var a = model.call(input with { Cues = cues });
        var b = model.call(input with { Cues = other });
        var reference = plain.call(input with { Cues = cues }).Sedam!;

        Assert.Equal([false, true, true, false], a.Sedam!.Keep[0].data<bool>().ToArray());
        Assert.Equal([false, false, false, true], a.Sedam.PromptBlocked[0].data<bool>().ToArray());
        Assert.Equal([true, false, false, true], reference.PromptBlocked[0].data<bool>().ToArray());
        // The kept cues' prompts are the plain model's (the same weights); the dropped one carries a prompt of its own,
        // the empty slot stays exactly zero.
        Assert.True(a.Sedam.Prompts.narrow(1, 1, 2).allclose(reference.Prompts.narrow(1, 1, 2), rtol: 1e-5, atol: 1e-6));
        Assert.True(a.Sedam.Prompts[0, 0].abs().max().item<float>() > 1e-3f, "the dropped cue must carry a prompt");
        Assert.Equal(0f, reference.Prompts[0, 0].abs().max().item<float>());
        Assert.Equal(0f, a.Sedam.Prompts[0, 3].abs().max().item<float>());
        // So what the dropped cue says now changes the map (without silent prompts it cannot: the first test).
        Assert.False(a.MapLogits.allclose(b.MapLogits), "a dropped cue must reach the decoder");
        Assert.Equal(1f, a.FrameGate.item<float>());
    }

    [Fact]
    public void Options_SilentPromptsWithTheDynamicMaskOff_AreRefused() =>
        Assert.Throws<ArgumentException>(() => new TesoSegmenter(Options with { SilentPrompts = true, DynamicMask = DynamicMaskMode.Off }));

    [Fact]
    public void Forward_IsolatedOpenCue_DoesNotSeeTheTextCuesKeepDecisions()
    {
        using var scope = NewDisposeScope();
        var masked = Options with { OpenCue = true, IsolateOpenCue = true, DynamicMask = DynamicMaskMode.Paper };
        manual_seed(6);
        using var a = new TesoSegmenter(masked);
        using var b = new TesoSegmenter(masked with { DynamicMask = DynamicMaskMode.Off });
        b.load_state_dict(a.state_dict());
        a.eval();
        b.eval();
        var input = SegmentationBatch.Random(masked, 8, 21) with { CueValid = ones(8, 4, dtype: ScalarType.Bool) };

        using var noGrad = no_grad();
        var withMask = a.call(input).Sedam!;
        var without = b.call(input).Sedam!;

        // Some text cue is dropped with the mask and kept without it. Where the open cue itself stays kept (its own decision
        // may change what it attends to), its relevance is the same in every layer.
        Assert.False(withMask.LayerKeeps[0].narrow(1, 0, 4).all().item<bool>(), "some text cue must be dropped for the test to mean anything");
        var openKept = withMask.LayerKeeps[^1].select(1, 4);
        Assert.True(openKept.any().item<bool>(), "the open cue must survive in some frame for the test to mean anything");
        for (var l = 0; l < masked.SedamLayers; l++)
        {
            var diff = (withMask.LayerRelevance[l].select(1, 4) - without.LayerRelevance[l].select(1, 4)).abs().masked_select(openKept);
            Assert.True(diff.max().item<float>() < 1e-5f, $"layer {l}: {diff.max().item<float>()}");
        }

        Assert.False(withMask.LayerRelevance[^1].narrow(1, 0, 4).allclose(without.LayerRelevance[^1].narrow(1, 0, 4)), "the text cues do see each other's decisions");
    }

    [Fact]
    public void Isolation_BlocksExactlyThePairsWithOneOpenCue()
    {
        var mask = SedamLayer.Isolation(3).squeeze(0).data<bool>().ToArray();

        Assert.Equal([false, false, true, false, false, true, true, true, false], mask);
    }

    // Layer 0's relevance becomes a positive multiple of the first component t0 of each cue embedding: the text MLP
    // passes t0 through to x0 (relu(t0) - relu(-t0)), q = x0 in every channel, and every key is 1.
    // One frame whose first cue has relevance < 0 under MakeRelevanceEqualFirstCueComponent (the others > 0), and the same
    // frame with the rest of that cue's embedding changed.
    private static (SegmentationInput Input, Tensor Cues, Tensor Other) FirstCueDropped(Tensor valid)
    {
        var input = SegmentationBatch.Random(Options, 1, 11) with { CueValid = valid };
        var cues = input.Cues!.clone();
        cues[0, TensorIndex.Colon, 0] = tensor(new[] { -1f, 1f, 1f, 1f });
        var other = cues.clone();
        other[0, 0, TensorIndex.Slice(1)] = randn(Options.TextDim - 1, generator: new Generator(12)) * 3;
        return (input, cues, other);
    }

    private static void MakeRelevanceEqualFirstCueComponent(TesoSegmenter model)
    {
        var p = model.Sedam.named_parameters().ToDictionary(x => x.name, x => x.parameter);
        using var noGrad = no_grad();
        var w1 = p["text_proj.0.weight"];
        w1[TensorIndex.Slice(0, 2)] = 0;
        w1[0, 0] = 1;
        w1[1, 0] = -1;
        p["text_proj.0.bias"][TensorIndex.Slice(0, 2)] = 0;
        var w2 = p["text_proj.2.weight"];
        w2[0] = 0;
        w2[0, 0] = 1;
        w2[0, 1] = -1;
        p["text_proj.2.bias"][0] = 0;
        var q = p["layers.0.cross_attn.attn.q_proj.weight"];
        q.zero_();
        q[TensorIndex.Colon, 0] = 1;
        p["layers.0.cross_attn.attn.q_proj.bias"].zero_();
        p["layers.0.cross_attn.attn.k_proj.weight"].zero_();
        p["layers.0.cross_attn.attn.k_proj.bias"].fill_(1);
    }
}

using SegPref.Models.Segmentation;
using static TorchSharp.torch;

namespace SegPref.Models.Tests.Segmentation;

[Collection(SeededTorch.Name)]
public sealed class PromptAttentionTests : SingleThreadedTorch
{
    private static readonly SegmenterOptions Full = SegmenterOptions.Small with { OpenCue = true, AudioPrompts = true };

    [Theory]
    [InlineData("teso", false, false)]
    [InlineData("teso", true, false)]
    [InlineData("teso", true, true)]
    [InlineData("audio-only", false, false)]
    public void Forward_PromptAttention_HasOneColumnPerPromptOfTheLayoutAndRowsSumToOneOverTheReadablePrompts(string kind, bool openCue, bool audioPrompts)
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        var options = SegmenterOptions.Small with { OpenCue = openCue, AudioPrompts = audioPrompts, DynamicMask = DynamicMaskMode.Paper };
        using var model = Segmenter.Create(kind, options);
        model.eval();
        var input = SegmentationBatch.Random(options, 3, 5);

        using var noGrad = no_grad();
        var output = model.call(input);
        var attention = output.Prediction.PromptAttention!;
        var layout = model.PromptLayout();

        Assert.Equal([3, options.Queries, layout.Count], attention.shape);
        Assert.Equal(openCue ? 1 : 0, layout.Count(g => g == PromptGroups.OpenCue));
        Assert.Equal(kind == "teso" ? options.CueSlots : 0, layout.Count(g => g == PromptGroups.TextCues));
        Assert.Equal(kind == "teso" && !audioPrompts ? 0 : options.AudioTokens, layout.Count(g => g == PromptGroups.AudioPrompts));
        var blocked = Blocked(output, layout.Count);
        Assert.Equal(0f, attention.masked_select(blocked.unsqueeze(1).expand_as(attention)).abs().sum().item<float>());
        var sums = attention.sum(-1);
        var readable = blocked.logical_not().any(-1).unsqueeze(-1).expand_as(sums);
        Assert.True((sums.masked_select(readable) - 1).abs().max().item<float>() < 1e-5f);
        Assert.Equal(0f, sums.masked_select(readable.logical_not()).abs().sum().item<float>());
    }

    [Fact]
    public void Forward_WithheldTextCues_AreNotReadWhileSedamAndTheFrameGateStayAsServed()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);

        // With the dynamic mask off every valid cue is kept, so withholding the text cues must change what the queries read.
        var options = Full with { DynamicMask = DynamicMaskMode.Off };
        using var model = new TesoSegmenter(options);
        model.eval();
        var input = SegmentationBatch.Random(options, 2, 6);

        using var noGrad = no_grad();
        var served = model.call(input);
        var withheld = model.call(input with { Withheld = PromptGroups.TextCues });

        var text = withheld.Prediction.PromptAttention!.narrow(2, 0, options.CueSlots);
        Assert.Equal(0f, text.abs().sum().item<float>());
        Assert.True(served.Prediction.PromptAttention!.narrow(2, 0, options.CueSlots).sum().item<float>() > 0.01f);
        Assert.True(served.Sedam!.Keep.equal(withheld.Sedam!.Keep).all().item<bool>());
        Assert.True(served.FrameGate.equal(withheld.FrameGate).all().item<bool>());
        Assert.False(served.MapLogits.allclose(withheld.MapLogits), "withheld text cues must change the map");
        var rest = withheld.Prediction.PromptAttention!.narrow(2, options.CueSlots, 1 + options.AudioTokens).sum(-1);
        Assert.True((rest - 1).abs().max().item<float>() < 1e-5f, "the queries read the open cue and the audio prompts instead");
    }

    [Fact]
    public void Forward_EveryPromptWithheld_ReadsNothingAndEqualsTheDecoderWithEveryPromptBlocked()
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        using var model = new TesoSegmenter(Full with { DynamicMask = DynamicMaskMode.Off });
        using var other = new TesoSegmenter(Full with { DynamicMask = DynamicMaskMode.Off });
        other.load_state_dict(model.state_dict());
        model.eval();
        other.eval();
        var input = SegmentationBatch.Random(Full, 2, 7);

        using var noGrad = no_grad();
        var none = model.call(input with { Withheld = PromptGroups.All });

        // The same decoder with different cues and audio prompts: nothing the queries read differs, only the gate could.
        var changed = other.call(input with { Withheld = PromptGroups.All, Cues = input.Cues! * -3 });
        Assert.Equal(0f, none.Prediction.PromptAttention!.abs().sum().item<float>());
        Assert.True(none.FrameGate.equal(changed.FrameGate).all().item<bool>());
        Assert.True(none.MapLogits.allclose(changed.MapLogits, rtol: 1e-5, atol: 1e-5));
    }

    [Fact]
    public void Forward_WithholdingAGroupTheModelLacks_ChangesNothing()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var options = SegmenterOptions.Small with { DynamicMask = DynamicMaskMode.Paper };
        using var model = new TesoSegmenter(options);
        model.eval();
        var input = SegmentationBatch.Random(options, 2, 8);

        using var noGrad = no_grad();
        var served = model.call(input);
        var withheld = model.call(input with { Withheld = PromptGroups.OpenCue | PromptGroups.AudioPrompts });

        Assert.True(served.MapLogits.equal(withheld.MapLogits).all().item<bool>());
    }

    [Fact]
    public void Forward_BaselineWithoutItsAudioPrompts_DecodesFromTheImageAlone()
    {
        using var scope = NewDisposeScope();
        manual_seed(8);
        using var model = new AudioOnlySegmenter(SegmenterOptions.Small);
        model.eval();
        var input = SegmentationBatch.Random(SegmenterOptions.Small, 2, 9);

        using var noGrad = no_grad();
        var served = model.call(input);
        var a = model.call(input with { Withheld = PromptGroups.AudioPrompts });
        var b = model.call(input with { Withheld = PromptGroups.AudioPrompts, Audio = input.Audio * -2 });

        Assert.False(served.MapLogits.allclose(a.MapLogits));
        Assert.True(a.MapLogits.allclose(b.MapLogits, rtol: 1e-5, atol: 1e-5), "without its prompts the baseline must not see the audio");
    }

    // What the queries may not read [B,P]: SeDAM's blocked prompts, then the audio prompts (never blocked when served).
    private static Tensor Blocked(SegmentationOutput output, int prompts)
    {
        var b = output.MapLogits.shape[0];
        var sedam = output.Sedam?.PromptBlocked ?? zeros(b, 0, dtype: ScalarType.Bool);
        return cat([sedam, zeros(b, prompts - sedam.shape[1], dtype: ScalarType.Bool)], 1);
    }
}

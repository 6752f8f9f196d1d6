using SegPref.Models.Segmentation;
using static TorchSharp.torch;

namespace SegPref.Models.Tests.Segmentation;

[Collection(SeededTorch.Name)]
public sealed class TesoSegmenterTests : SingleThreadedTorch
{
    private readonly string _dir = Directory.CreateTempSubdirectory("teso-").FullName;

    protected override void DisposeCore() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Forward_SmallPreset_ReturnsDocumentedShapes()
    {
        using var scope = NewDisposeScope();
        var options = SegmenterOptions.Small;
        using var model = new TesoSegmenter(options);
        model.eval();
        var input = SegmentationBatch.Random(options, 2, 1);

        using var noGrad = no_grad();
        var output = model.call(input);

        Assert.Equal([2L, 64, 64], output.MapLogits.shape);
        Assert.Equal([2L, 16, 16], output.LowResMapLogits.shape);
        Assert.Equal([2L, 8, 2], output.Prediction.ClassLogits.shape);
        Assert.Equal([2L, 8, 16, 16], output.Prediction.MaskLogits.shape);
        Assert.NotNull(output.Sedam);
        Assert.Equal([2L, 4, 64], output.Sedam.Prompts.shape);
        Assert.Equal(2, output.Sedam.LayerKeeps.Count);
        Assert.Equal([2L, 4, 4, 4], output.Sedam.LayerAttentionLogits[0].shape);
        Assert.False(output.Sedam.Keep[0, 3].item<bool>());
        Assert.True(output.MapLogits.isfinite().all().item<bool>());
    }

    [Fact]
    public void Forward_InvalidSlotEmbeddingChanged_OutputIsIdentical()
    {
        using var scope = NewDisposeScope();
        var options = SegmenterOptions.Small with { DynamicMask = DynamicMaskMode.Off };
        using var model = new TesoSegmenter(options);
        model.eval();
        var input = SegmentationBatch.Random(options, 2, 2);
        var changed = input.Cues!.clone();
        changed[0, 3] = randn(options.TextDim, generator: new Generator(99)) * 100;

        using var noGrad = no_grad();
        var a = model.call(input);
        var b = model.call(input with { Cues = changed });

        Assert.True(a.MapLogits.equal(b.MapLogits).all().item<bool>());
        Assert.True(a.Sedam!.Prompts.equal(b.Sedam!.Prompts).all().item<bool>());
        Assert.True(a.Contrastive!.Cues.equal(b.Contrastive!.Cues).all().item<bool>());
    }

    [Fact]
    public void Forward_OpenCue_AddsAnAlwaysValidLastSlotThatKeepsACuelessFrameAlive()
    {
        using var scope = NewDisposeScope();
        var options = SegmenterOptions.Small with { OpenCue = true, DynamicMask = DynamicMaskMode.Off };
        using var model = new TesoSegmenter(options);
        model.eval();
        var input = SegmentationBatch.Random(options, 2, 4);
        var noCues = input with { CueValid = zeros(2, options.CueSlots, dtype: ScalarType.Bool) };

        using var noGrad = no_grad();
        var output = model.call(noCues);

        Assert.Equal([2L, 5, 64], output.Sedam!.Prompts.shape);
        Assert.Equal(new[] { false, false, false, false, true, false, false, false, false, true }, output.Sedam.Keep.data<bool>().ToArray());
        Assert.Equal(1f, output.FrameGate.min().item<float>());
        Assert.True(output.MapLogits.max().item<float>() > (float)options.NothingLogit);
        Assert.Equal([2L, 64], output.Contrastive!.Cues.shape);
    }

    [Fact]
    public void Forward_AudioPrompts_TheBaselinesAudioTokensReachTheDecoder()
    {
        using var scope = NewDisposeScope();
        var options = SegmenterOptions.Small with { AudioPrompts = true, DynamicMask = DynamicMaskMode.Off };
        using var model = new TesoSegmenter(options);
        model.eval();
        var input = SegmentationBatch.Random(options, 2, 6);
        var names = model.named_parameters().Select(p => p.name).ToList();
        Assert.Contains("audio_prompt.mlp.0.weight", names);

        using var noGrad = no_grad();
        var before = model.call(input).MapLogits.clone();
        foreach (var (name, parameter) in model.named_parameters().Where(p => p.name.StartsWith("audio_prompt", StringComparison.Ordinal)))
        {
            parameter.add_(randn(parameter.shape, generator: new Generator((ulong)name.Length)));
        }

        var after = model.call(input).MapLogits;

        Assert.True((before - after).abs().max().item<float>() > 1e-4f, "changing the audio-prompt projection must change the map");
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Forward_AudioEqualsSilenceCalibrated_EveryCueMaskedAndNothingSounds(bool openCue, bool audioPrompts)
    {
        using var scope = NewDisposeScope();
        var options = SegmenterOptions.Small with { OpenCue = openCue, AudioPrompts = audioPrompts, DynamicMask = DynamicMaskMode.Calibrated };
        var silence = randn(options.AudioDim, generator: new Generator(3));
        using var model = new TesoSegmenter(options, silence);
        model.eval();
        var input = SegmentationBatch.Random(options, 2, 3);

        using var noGrad = no_grad();
        var output = model.call(input with { Audio = silence.expand(2, -1).contiguous() });

        Assert.False(output.Sedam!.Keep.any().item<bool>());
        Assert.Equal(0f, output.FrameGate.abs().max().item<float>());
        Assert.Equal((float)options.NothingLogit, output.MapLogits.max().item<float>());
        Assert.Equal((float)options.NothingLogit, output.MapLogits.min().item<float>());
    }

    [Fact]
    public void Forward_VisualOpenCue_OpenCueRelevanceFollowsTheFrameAndTextCuesDoNot()
    {
        using var scope = NewDisposeScope();
        var options = SegmenterOptions.Small with { OpenCue = true, VisualOpenCue = true };
        manual_seed(4);
        using var model = new TesoSegmenter(options);
        model.eval();
        var input = SegmentationBatch.Random(options, 2, 5);
        var other = input with { Frames = input.Frames.flip(0) };

        using var noGrad = no_grad();
        var a = model.call(input).Sedam!.LayerRelevance[0];
        var b = model.call(other).Sedam!.LayerRelevance[0];

        Assert.True(a[TensorIndex.Colon, TensorIndex.Slice(0, 4)].equal(b[TensorIndex.Colon, TensorIndex.Slice(0, 4)]).all().item<bool>(), "the text cues do not see the frame in layer 0");
        Assert.False(a[TensorIndex.Colon, -1].allclose(b[TensorIndex.Colon, -1]), "the open cue sees the frame");
        Assert.Throws<ArgumentException>(() => new TesoSegmenter(SegmenterOptions.Small with { VisualOpenCue = true }));
    }

    [Fact]
    public void Forward_MissingCues_ThrowsArgumentException()
    {
        using var scope = NewDisposeScope();
        using var model = new TesoSegmenter(SegmenterOptions.Small);
        var input = SegmentationBatch.Random(SegmenterOptions.Small, 1, 4);

        var error = Assert.Throws<ArgumentException>(() => model.call(input with { Cues = null }));

        Assert.Contains("cues", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SaveLoad_RoundTrip_GivesIdenticalOutputs()
    {
        using var scope = NewDisposeScope();
        var options = SegmenterOptions.Small;
        var path = Path.Combine(_dir, "teso.bin");
        var input = SegmentationBatch.Random(options, 2, 5);
        Tensor expected;
        manual_seed(21);
        using (var source = new TesoSegmenter(options, randn(options.AudioDim, generator: new Generator(8))))
        {
            source.eval();
            using var noGrad = no_grad();
            expected = source.call(input).MapLogits;
            source.save(path);
        }

        manual_seed(22);
        using var target = new TesoSegmenter(options);
        target.load(path);
        target.eval();
        using var noGrad2 = no_grad();
        var actual = target.call(input).MapLogits;

        Assert.True(actual.equal(expected).all().item<bool>());
    }
}

using SegPref.Inference.Export.Segmentation;
using SegPref.Models.Segmentation;
using static TorchSharp.torch;

namespace SegPref.Inference.Tests.Export;

[Collection(SeededTorch.Name)]
public sealed class SegmenterExporterTests
{
    private const float Tolerance = 1e-4f;

    [Theory]
    [InlineData(DynamicMaskMode.Calibrated, 1)]
    [InlineData(DynamicMaskMode.Calibrated, 3)]
    [InlineData(DynamicMaskMode.Paper, 2)]
    [InlineData(DynamicMaskMode.Off, 5)]
    [InlineData(DynamicMaskMode.Calibrated, 3, true)]
    [InlineData(DynamicMaskMode.Calibrated, 2, true, true)]
    [InlineData(DynamicMaskMode.Off, 2, false, true)]
    [InlineData(DynamicMaskMode.Calibrated, 2, true, true, true)]
    [InlineData(DynamicMaskMode.Off, 3, true, true, false, true)]
    [InlineData(DynamicMaskMode.Calibrated, 4, true, false, false, true)]
    [InlineData(DynamicMaskMode.Off, 2, true, true, false, true, true)]
    [InlineData(DynamicMaskMode.Calibrated, 3, true, false, false, false, true)]
    [InlineData(DynamicMaskMode.Paper, 2, true, true, false, true, false, true)]
    [InlineData(DynamicMaskMode.Off, 3, false, false, false, false, false, true)]
    [InlineData(DynamicMaskMode.Peak, 2, true, true, false, true, false, true)]
    [InlineData(DynamicMaskMode.Peak, 3)]
    [InlineData(DynamicMaskMode.Paper, 3, true, true, false, true, false, false, -0.02)]
    [InlineData(DynamicMaskMode.Peak, 2, true, true, false, true, false, true, 0.01)]
    [InlineData(DynamicMaskMode.Paper, 3, true, true, true, true, false, false, 0, true)]
    [InlineData(DynamicMaskMode.Peak, 2, false, false, false, false, false, true, -0.01, true)]
    public void Export_Teso_MatchesTorchSharpOnRandomInputs(DynamicMaskMode mode, int frames, bool openCue = false, bool audioPrompts = false, bool grounding = false, bool visualOpenCue = false, bool isolate = false, bool audioMap = false, double keepThreshold = 0, bool silentPrompts = false)
    {
        // A tiny margin, so that random audio keeps some cues under the calibrated rule too.
        var options = AudioInput(TestModels.SmallOptions(mode), audioMap) with { MarginInit = 1e-3, OpenCue = openCue, AudioPrompts = audioPrompts, Grounding = grounding, VisualOpenCue = visualOpenCue, IsolateOpenCue = isolate, KeepThreshold = keepThreshold, SilentPrompts = silentPrompts };
        using var model = TestModels.Segmenter("teso", options, 11);
        using var runner = new OrtRunner(SegmenterExporter.Export(model));
        var s = options.ImageSize;
        manual_seed(100 + frames);
        using var x = randn(frames, 3, s, s);
        using var audio = randn(frames, options.AudioDim);
        using var cues = randn(frames, options.CueSlots, options.TextDim);
        using var valid = rand(frames, options.CueSlots).gt(0.3);

        using var noGrad = no_grad();
        var output = model.call(new SegmentationInput(x, audio, cues, valid));
        var expected = TestModels.Floats(output.MapLogits);
        var outputs = runner.Run(
            OrtRunner.Float(SegmenterExporter.Frames, TestModels.Floats(x), frames, 3, s, s),
            OrtRunner.Float(SegmenterExporter.Audio, TestModels.Floats(audio), frames, options.AudioDim),
            OrtRunner.Float(SegmenterExporter.Cues, TestModels.Floats(cues), frames, options.CueSlots, options.TextDim),
            OrtRunner.Bool(SegmenterExporter.CueValid, valid.data<bool>().ToArray(), frames, options.CueSlots));
        var actual = outputs[SegmenterExporter.MapLogits];

        Assert.Equal(frames * s * s, actual.Length);
        Assert.InRange(TestModels.MaxAbsDiff(expected, actual), 0f, Tolerance);
        var support = TestModels.Floats(output.Sedam!.Support);
        Assert.Equal(frames, outputs[SegmenterExporter.AudioSupport].Length);
        Assert.InRange(TestModels.MaxAbsDiff(support, outputs[SegmenterExporter.AudioSupport]), 0f, Tolerance);
        Assert.All(support, v => Assert.InRange(v, 0f, 1f));
        // Some cue must survive SeDAM, or the map is the constant nothing-logit and the comparison proves little.
        Assert.True(output.Sedam!.Keep.any().item<bool>(), "no cue survived");
        if (silentPrompts)
        {
            // Some valid cue must be dropped, so that a silent prompt is in the graph's output.
            Assert.True(valid.logical_and(output.Sedam.Keep.narrow(1, 0, options.CueSlots).logical_not()).any().item<bool>(), "no valid cue was dropped");
        }
        if (mode == DynamicMaskMode.Off)
        {
            Assert.True(expected.Max() - expected.Min() > 1e-3f, "the map should vary over the pixels");
        }
    }

    [Fact]
    public void Export_ResNet50Backbone_MatchesTorchSharp()
    {
        // The paper's backbone (four scales, max-pool stem, bottlenecks) at a small side and width, to stay fast.
        var options = TestModels.SmallOptions(DynamicMaskMode.Off) with { Backbone = VisualBackbone.ResNet50, Dim = 32, Queries = 4, DecoderLayers = 4 };
        using var model = TestModels.Segmenter("audio-only", options, 13);
        using var runner = new OrtRunner(SegmenterExporter.Export(model));
        const int frames = 2;
        var s = options.ImageSize;
        manual_seed(300);
        using var x = randn(frames, 3, s, s);
        using var audio = randn(frames, options.AudioDim);

        using var noGrad = no_grad();
        var expected = TestModels.Floats(model.call(new SegmentationInput(x, audio)).MapLogits);
        var actual = runner.Run(
            OrtRunner.Float(SegmenterExporter.Frames, TestModels.Floats(x), frames, 3, s, s),
            OrtRunner.Float(SegmenterExporter.Audio, TestModels.Floats(audio), frames, options.AudioDim))[SegmenterExporter.MapLogits];

        Assert.InRange(TestModels.MaxAbsDiff(expected, actual), 0f, Tolerance);
        Assert.True(expected.Max() - expected.Min() > 1e-3f, "the map should vary over the pixels");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(2, true)]
    [InlineData(3, false, true)]
    public void Export_AudioOnly_MatchesTorchSharpOnRandomInputs(int frames, bool grounding = false, bool audioMap = false)
    {
        var options = AudioInput(TestModels.SmallOptions(), audioMap) with { Grounding = grounding };
        using var model = TestModels.Segmenter("audio-only", options, 12);
        using var runner = new OrtRunner(SegmenterExporter.Export(model));
        var s = options.ImageSize;
        manual_seed(200 + frames);
        using var x = randn(frames, 3, s, s);
        using var audio = randn(frames, options.AudioDim);

        using var noGrad = no_grad();
        var expected = TestModels.Floats(model.call(new SegmentationInput(x, audio)).MapLogits);
        var actual = runner.Run(
            OrtRunner.Float(SegmenterExporter.Frames, TestModels.Floats(x), frames, 3, s, s),
            OrtRunner.Float(SegmenterExporter.Audio, TestModels.Floats(audio), frames, options.AudioDim))[SegmenterExporter.MapLogits];

        Assert.InRange(TestModels.MaxAbsDiff(expected, actual), 0f, Tolerance);
        Assert.True(expected.Max() - expected.Min() > 1e-3f, "the map should vary over the pixels");
    }

    // A time-frequency map of 6 positions x 8 channels instead of the 128-d embedding.
    private static SegmenterOptions AudioInput(SegmenterOptions options, bool audioMap) =>
        audioMap ? options with { AudioDim = 48, AudioTokens = 6, AudioMapChannels = 8 } : options;
}

using SegPref.Inference.Abstractions;
using SegPref.Inference.Export;
using SegPref.Inference.Export.Runs;
using SegPref.Inference.Repository;
using SegPref.Media.Imaging;
using SegPref.Models.Segmentation;
using static TorchSharp.torch;

namespace SegPref.Inference.Tests.Repository;

[Collection(SeededTorch.Name)]
public sealed class SegmenterRepositoryTests(SynthClipFixture clip)
{
    private static readonly InferenceOptions Cpu = new() { Provider = ExecutionProvider.Cpu, IntraOpThreads = 1, InterOpThreads = 1 };

    [Theory]
    [InlineData("teso")]
    [InlineData("audio-only")]
    public void ExportedRun_OnRealSynthFrames_MatchesTorchSharp(string kind)
    {
        using var dir = new TempDir();
        var options = TestModels.SmallOptions(DynamicMaskMode.Off);
        // Seed 21 puts one decoder mask logit of one frame within float rounding of the hard sigmoid < 0.5 threshold,
        // which flips that pixel's attention mask in one of the two runtimes (4.6e-4 on that frame, see docs/serving-models.md).
        using var model = TestModels.Segmenter(kind, options, 22);
        SegmenterRunFolder.Save(model, dir.Sub("run"), new Dictionary<string, double> { ["test_miou"] = 0.5 });
        var entryDir = RunExporter.Export(dir.Sub("run"), dir.Sub("models"), name: "teso", version: null, "segpref export --run run --repo models");

        using var segmenter = ModelRepository.OpenSegmenter(dir.Sub("models"), Cpu);
        var t = clip.Frames.Count;
        var s = options.ImageSize;
        manual_seed(5);
        using var audio = randn(t, options.AudioDim);
        using var cues = randn(t, options.CueSlots, options.TextDim);
        using var valid = rand(t, options.CueSlots).gt(0.3);
        var actual = segmenter.Segment(new SegmenterInput(t, segmenter.PrepareFrames(clip.Frames), TestModels.Floats(audio), kind == "teso" ? TestModels.Floats(cues) : null, kind == "teso" ? valid.data<bool>().ToArray() : null)).Logits;

        using var frames = tensor(ImageTensor.ToChwBatch(clip.Frames, s, s, ImageTensor.ImageNetMean, ImageTensor.ImageNetStd), [t, 3, s, s]);
        using var noGrad = no_grad();
        var expected = TestModels.Floats(model.call(new SegmentationInput(frames, audio, cues, valid)).MapLogits);

        Assert.Equal(kind == "teso", segmenter.UsesText);
        Assert.Equal(s, segmenter.ImageSize);
        Assert.Equal(new SegPref.Inference.Abstractions.ModelIdentity("teso", "1"), segmenter.Identity);
        Assert.Equal(t * s * s, actual.Length);
        Assert.InRange(TestModels.MaxAbsDiff(expected, actual), 0f, 1e-4f);
        var (torchScores, ortScores) = (Scores(expected, clip, s), Scores(actual, clip, s));
        Assert.Equal(Math.Round(torchScores.MIoU, 3), Math.Round(ortScores.MIoU, 3));
        Assert.Equal(Math.Round(torchScores.FScore, 3), Math.Round(ortScores.FScore, 3));
        Assert.True(torchScores.Frames > 0);
        var config = ModelConfig.Read(entryDir);
        Assert.Equal(0.5, config.Metrics["test_miou"]);
        Assert.Equal(kind, config.Architecture);
    }

    [Fact]
    public void Export_SameRunTwice_ByteIdentical()
    {
        using var dir = new TempDir();
        using var model = TestModels.Segmenter("teso", TestModels.SmallOptions(), 22);
        SegmenterRunFolder.Save(model, dir.Sub("run"));
        var a = RunExporter.Export(dir.Sub("run"), dir.Sub("a"), null, null, "x");
        var b = RunExporter.Export(dir.Sub("run"), dir.Sub("b"), null, null, "x");

        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "model.onnx")), File.ReadAllBytes(Path.Combine(b, "model.onnx")));
        Assert.Equal(File.ReadAllText(Path.Combine(a, "config.json")), File.ReadAllText(Path.Combine(b, "config.json")));
    }

    [Fact]
    public void Export_NoVersion_TakesTheNextFreeOneAndNeverReplacesAnEntryUnlessForced()
    {
        using var dir = new TempDir();
        using var model = TestModels.Segmenter("teso", TestModels.SmallOptions(), 24);
        SegmenterRunFolder.Save(model, dir.Sub("run"));
        Directory.CreateDirectory(Path.Combine(dir.Sub("models"), "teso", "notes"));

        var first = RunExporter.Export(dir.Sub("run"), dir.Sub("models"), null, null, "x");
        var second = RunExporter.Export(dir.Sub("run"), dir.Sub("models"), null, null, "x");
        var error = Assert.Throws<InvalidOperationException>(() => RunExporter.Export(dir.Sub("run"), dir.Sub("models"), null, "1", "x"));
        var forced = RunExporter.Export(dir.Sub("run"), dir.Sub("models"), null, "1", "x", overwrite: true);

        Assert.Equal("1", Path.GetFileName(first));
        Assert.Equal("2", Path.GetFileName(second));
        Assert.Contains("--force", error.Message, StringComparison.Ordinal);
        Assert.Equal(first, forced);
    }

    [Fact]
    public void Segment_WrongAudioShape_ThrowsWithExpectedShape()
    {
        using var dir = new TempDir();
        using var model = TestModels.Segmenter("teso", TestModels.SmallOptions(), 23);
        SegmenterRunFolder.Save(model, dir.Sub("run"));
        RunExporter.Export(dir.Sub("run"), dir.Sub("models"), null, null, "x");
        using var segmenter = ModelRepository.OpenSegmenter(dir.Sub("models"), Cpu with { WarmUp = false });

        var t = clip.Frames.Count;
        var pixels = segmenter.PrepareFrames(clip.Frames);
        var ex = Assert.Throws<ArgumentException>(() => segmenter.Segment(new SegmenterInput(t, pixels, new float[t * 64], null, null)));
        Assert.Contains($"[{t},128]", ex.Message, StringComparison.Ordinal);
        var cueEx = Assert.Throws<ArgumentException>(() => segmenter.Segment(new SegmenterInput(t, pixels, new float[t * 128], null, null)));
        Assert.Contains("cues", cueEx.Message, StringComparison.Ordinal);
    }

    // The official binary AVS metrics of the map (sigmoid) against the clip's ground truth, one clip = one batch.
    private static SegPref.Avs.Metrics.BinaryMetricsResult Scores(float[] logits, SynthClipFixture clip, int s)
    {
        var frames = new List<(float[] Prob, byte[] Gt)>();
        for (var f = 0; f < clip.Frames.Count; f++)
        {
            if (clip.Masks[f] is { } mask)
            {
                var prob = logits.AsSpan(f * s * s, s * s).ToArray().Select(v => 1f / (1f + MathF.Exp(-v))).ToArray();
                frames.Add((prob, mask.Resize(s, s).Values));
            }
        }

        var accumulator = new SegPref.Avs.Metrics.BinaryMetricsAccumulator();
        accumulator.AddBatch(frames);
        return accumulator.Result;
    }
}

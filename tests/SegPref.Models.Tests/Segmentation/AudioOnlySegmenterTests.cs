using SegPref.Models.Segmentation;
using static TorchSharp.torch;

namespace SegPref.Models.Tests.Segmentation;

[Collection(SeededTorch.Name)]
public sealed class AudioOnlySegmenterTests : SingleThreadedTorch
{
    [Fact]
    public void Forward_NoCues_ReturnsMapAndNoSedamOutputs()
    {
        using var scope = NewDisposeScope();
        var options = SegmenterOptions.Small;
        using var model = Segmenter.Create("audio-only", options);
        model.eval();
        var input = SegmentationBatch.Random(options, 2, 31) with { Cues = null, CueValid = null };

        using var noGrad = no_grad();
        var output = model.call(input);

        Assert.IsType<AudioOnlySegmenter>(model);
        Assert.Equal([2L, 64, 64], output.MapLogits.shape);
        Assert.Null(output.Sedam);
        Assert.Null(output.Contrastive);
        Assert.True(output.MapLogits.isfinite().all().item<bool>());
    }

    [Fact]
    public void Forward_DifferentAudio_ChangesTheMap()
    {
        using var scope = NewDisposeScope();
        var options = SegmenterOptions.Small;
        using var model = new AudioOnlySegmenter(options);
        model.eval();
        var input = SegmentationBatch.Random(options, 1, 32);

        using var noGrad = no_grad();
        var a = model.call(input);
        var b = model.call(input with { Audio = zeros(1, options.AudioDim) });

        Assert.False(a.MapLogits.equal(b.MapLogits).all().item<bool>());
    }

    [Fact]
    public void Create_UnknownKind_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => Segmenter.Create("video-only", SegmenterOptions.Small));

        Assert.Contains("video-only", error.Message, StringComparison.Ordinal);
    }
}

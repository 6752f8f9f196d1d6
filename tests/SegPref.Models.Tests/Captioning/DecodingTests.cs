using SegPref.Models.Captioning;
using SegPref.Models.Torch;
using static TorchSharp.torch;

namespace SegPref.Models.Tests.Captioning;

public sealed class DecodingTests
{
    public DecodingTests() => TorchRuntime.EnsureInitialized();

    [Fact]
    public void Beam_WidthOne_EqualsGreedy()
    {
        using var model = NewModel(11);
        var images = TinyCaptioning.Frames(6).Select(f => f.Image).ToList();

        var greedy = CaptionDecoding.Describe(model, TinyCaptioning.Vocabulary, images, DecodeOptions.Greedy);
        var beam = CaptionDecoding.Describe(model, TinyCaptioning.Vocabulary, images, new DecodeOptions { BeamWidth = 1, BatchSize = 4 });
        var rawGreedy = GreedyDecoder.Decode(model, CaptionImages.ToTensor(images, 32), 11);
        var rawBeam = BeamSearchDecoder.Decode(model, CaptionImages.ToTensor(images, 32), 11, width: 1, alpha: 0.7);

        Assert.Equal(greedy, beam);
        Assert.Equal(rawGreedy, rawBeam);
    }

    [Fact]
    public void Beam_RepeatedAndInBatchesOfOne_GivesTheSameDescriptions()
    {
        using var model = NewModel(12);
        var images = TinyCaptioning.Frames(5).Select(f => f.Image).ToList();

        var first = CaptionDecoding.Describe(model, TinyCaptioning.Vocabulary, images, DecodeOptions.Beam(3));
        var second = CaptionDecoding.Describe(model, TinyCaptioning.Vocabulary, images, DecodeOptions.Beam(3) with { BatchSize = 1 });

        Assert.Equal(5, first.Count);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Describe_MaxLength_BoundsTheTokensGenerated()
    {
        using var model = NewModel(13);
        var images = TinyCaptioning.Frames(4).Select(f => f.Image).ToList();

        var texts = CaptionDecoding.Describe(model, TinyCaptioning.Vocabulary, images, DecodeOptions.Beam(2) with { MaxLength = 3 });

        Assert.All(texts, t => Assert.True(CaptionTokenizer.Tokenize(t).Count <= 3, t));
    }

    [Fact]
    public void Describe_MaxLengthBeyondTheModel_Throws()
    {
        using var model = NewModel(14);

        Assert.Throws<ArgumentException>(() => CaptionDecoding.Describe(model, TinyCaptioning.Vocabulary, [TinyCaptioning.Frames(1)[0].Image], new DecodeOptions { MaxLength = 40 }));
    }

    private static Captioner NewModel(int seed)
    {
        manual_seed(seed);
        var model = new Captioner(TinyCaptioning.Config());
        model.eval();
        return model;
    }
}

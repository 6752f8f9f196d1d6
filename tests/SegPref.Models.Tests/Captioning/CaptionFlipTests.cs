using SegPref.Models.Captioning;
using SegPref.Models.Torch;
using static TorchSharp.torch;

namespace SegPref.Models.Tests.Captioning;

public sealed class CaptionFlipTests
{
    public CaptionFlipTests() => TorchRuntime.EnsureInitialized();

    [Fact]
    public void Apply_MarkedRow_MirrorsTheImageAndSwapsLeftAndRight()
    {
        var frames = TinyCaptioning.Frames(4);
        var sequences = frames.Select(f => CaptionBatch.Sequence(TinyCaptioning.Vocabulary, f.Description, 12)).ToList();
        var flip = CaptionFlip.Create(TinyCaptioning.Vocabulary, 0.5)!;
        using var scope = NewDisposeScope();
        var (images, tokens) = CaptionBatch.Make(frames, sequences, [0, 1], 32);

        var (mirrored, swapped) = flip.Apply(images, tokens, [true, false]);

        // Frame 0 is "a red box on the left." (box at x 2..13); mirrored it is the box at x 18..29 of frame 1.
        Assert.Equal("a red box on the right.", Decode(swapped[0]));
        Assert.Equal("a red box on the right.", Decode(swapped[1]));
        Assert.True(mirrored[0].eq(images[0].flip(2)).all().item<bool>());
        Assert.True(mirrored[1].eq(images[1]).all().item<bool>());
        var boxColumns = mirrored[0, 0, 15].gt(0.5f).nonzero().view(-1).data<long>().ToArray();
        Assert.Equal([.. Enumerable.Range(18, 12).Select(x => (long)x)], boxColumns);
    }

    [Fact]
    public void Apply_SeededProbability_FlipsAboutThatShareAndRepeats()
    {
        var frames = TinyCaptioning.Frames(64);
        var sequences = frames.Select(f => CaptionBatch.Sequence(TinyCaptioning.Vocabulary, f.Description, 12)).ToList();
        using var scope = NewDisposeScope();
        var (images, tokens) = CaptionBatch.Make(frames, sequences, [.. Enumerable.Range(0, 64)], 32);

        var flip = CaptionFlip.Create(TinyCaptioning.Vocabulary, 0.5)!;
        var first = flip.Apply(images, tokens, flip.Draw(64, new Random(3))).Tokens;
        var again = flip.Apply(images, tokens, flip.Draw(64, new Random(3))).Tokens;
        var changed = first.ne(tokens).any(1).sum().item<long>();

        Assert.True(first.eq(again).all().item<bool>());
        Assert.InRange(changed, 16, 48);
    }

    [Fact]
    public void Create_NoLeftRightWordsOrZeroProbability_GivesNoAugmentation()
    {
        Assert.Null(CaptionFlip.Create(CaptionVocabulary.Build(["a dog at the top."]), 0.5));
        Assert.Null(CaptionFlip.Create(TinyCaptioning.Vocabulary, 0));
    }

    private static string Decode(Tensor row) => TinyCaptioning.Vocabulary.Decode(row.data<long>().ToArray().Skip(1).Select(id => (int)id));
}

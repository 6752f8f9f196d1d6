using SegPref.Models.Captioning;
using SegPref.Models.Torch;
using static TorchSharp.torch;

namespace SegPref.Models.Tests.Captioning;

public sealed class CaptionerTests
{
    public CaptionerTests()
    {
        TorchRuntime.EnsureInitialized();
        manual_seed(3);
    }

    [Fact]
    public void Forward_ImagesAndTokens_GivesLogitsPerTokenOverTheVocabulary()
    {
        using var scope = NewDisposeScope();
        using var model = new Captioner(TinyCaptioning.Config());
        model.eval();

        var logits = model.call(randn(2, 3, 32, 32), randint(0, TinyCaptioning.Vocabulary.Count, [2, 5]));

        Assert.Equal([2L, 5L, TinyCaptioning.Vocabulary.Count], logits.shape);
        Assert.Equal([2L, 16L, 32L], model.Encode(randn(2, 3, 32, 32)).shape);
    }

    [Fact]
    public void Forward_ChangingAFutureToken_LeavesEarlierLogitsUnchanged()
    {
        using var scope = NewDisposeScope();
        using var model = new Captioner(TinyCaptioning.Config());
        model.eval();
        var images = randn(2, 3, 32, 32);
        var tokens = tensor(new long[] { 1, 4, 5, 6, 7, 8, 1, 5, 4, 7, 6, 9 }).view(2, 6);
        var changed = tokens.clone();
        changed[.., 4] = tensor(10L);

        var before = model.call(images, tokens);
        var after = model.call(images, changed);

        Assert.True(before.narrow(1, 0, 4).allclose(after.narrow(1, 0, 4), rtol: 0, atol: 1e-6));
        Assert.False(before.narrow(1, 4, 2).allclose(after.narrow(1, 4, 2), rtol: 0, atol: 1e-4));
    }

    [Fact]
    public void Step_IncrementalDecoding_MatchesTheTeacherForcedPass()
    {
        using var scope = NewDisposeScope();
        using var model = new Captioner(TinyCaptioning.Config());
        model.eval();
        using var noGrad = no_grad();
        var images = randn(2, 3, 32, 32);
        var tokens = tensor(new long[] { 1, 4, 5, 6, 7, 1, 5, 4, 7, 6 }).view(2, 5);

        var full = model.call(images, tokens);
        using var cache = model.StartDecode(model.Encode(images));
        for (var t = 0; t < 5; t++)
        {
            var step = model.Step(tokens[.., t], t, cache);
            Assert.True(step.allclose(full[.., t], rtol: 1e-4, atol: 1e-4), $"position {t}");
        }
    }

    [Fact]
    public void Constructor_ImageSizeNotMultipleOfTheStride_Throws() =>
        Assert.Throws<ArgumentException>(() => new Captioner(TinyCaptioning.Config() with { ImageSize = 36 }));
}

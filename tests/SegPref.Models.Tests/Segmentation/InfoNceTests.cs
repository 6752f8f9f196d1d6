using SegPref.Models.Segmentation;
using SegPref.Models.Torch;
using static TorchSharp.torch;

namespace SegPref.Models.Tests.Segmentation;

public sealed class InfoNceTests
{
    public InfoNceTests() => TorchRuntime.EnsureInitialized();

    [Fact]
    public void Compute_MatchedPairsVersusShuffledPairs_MatchedIsLower()
    {
        using var scope = NewDisposeScope();
        var audio = randn(6, 16, generator: new Generator(1));
        var valid = ones(6, dtype: ScalarType.Bool);

        var matched = InfoNce.Compute(new ContrastivePair(audio, audio * 2, valid), 0.1).item<float>();
        var shuffled = InfoNce.Compute(new ContrastivePair(audio, audio.roll(1, 0), valid), 0.1).item<float>();

        Assert.True(matched < 0.5 && shuffled > matched + 1, $"matched {matched}, shuffled {shuffled}");
    }

    [Fact]
    public void Compute_InvalidRowsChanged_LossUnchanged()
    {
        using var scope = NewDisposeScope();
        var audio = randn(4, 8, generator: new Generator(2));
        var cues = randn(4, 8, generator: new Generator(3));
        var valid = tensor(new[] { true, true, false, true });
        var changed = cues.clone();
        changed[2] = 100;

        var a = InfoNce.Compute(new ContrastivePair(audio, cues, valid), 0.1).item<float>();
        var b = InfoNce.Compute(new ContrastivePair(audio, changed, valid), 0.1).item<float>();

        Assert.Equal(a, b);
    }

    [Fact]
    public void Compute_OneValidFrame_IsZero()
    {
        using var scope = NewDisposeScope();
        var valid = tensor(new[] { false, true });

        var loss = InfoNce.Compute(new ContrastivePair(randn(2, 8), randn(2, 8), valid), 0.1).item<float>();

        Assert.Equal(0f, loss);
    }
}

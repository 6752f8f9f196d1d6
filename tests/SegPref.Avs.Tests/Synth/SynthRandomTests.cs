using SegPref.Avs.Synth;

namespace SegPref.Avs.Tests.Synth;

public class SynthRandomTests
{
    [Fact]
    public void ForClip_SameInputs_SameStreamAndDifferentInputsDiffer()
    {
        var a = Enumerable.Range(0, 8).Select(_ => SynthRandom.ForClip(42, 1, 7)).Select(r => r.NextULong()).Distinct().ToList();
        var b = new[] { SynthRandom.ForClip(42, 1, 8), SynthRandom.ForClip(42, 2, 7), SynthRandom.ForClip(43, 1, 7) }.Select(r => r.NextULong());

        Assert.Single(a);
        Assert.DoesNotContain(a[0], b);
    }

    [Fact]
    public void NextDouble_ManyDraws_UniformMeanAndRange()
    {
        var rng = new SynthRandom(9);
        var draws = Enumerable.Range(0, 100_000).Select(_ => rng.NextDouble()).ToList();

        Assert.All(draws, d => Assert.InRange(d, 0, 0.9999999999));
        Assert.Equal(0.5, draws.Average(), 2);
        Assert.Equal([1, 2, 3, 4], Enumerable.Range(0, 10_000).Select(_ => rng.Between(1, 4)).Distinct().Order());
    }
}

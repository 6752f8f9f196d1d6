using SegPref.Media.Masks;

namespace SegPref.Media.Tests.Masks;

public sealed class AudioRelianceTests
{
    [Fact]
    public void FromCounterfactual_MaskGoneWithoutAudio_IsOne()
    {
        var actual = Map(100, (0, 30, 0.9f));
        var silent = Map(100);

        Assert.Equal(1.0, AudioReliance.FromCounterfactual(actual, silent), 6);
    }

    [Fact]
    public void FromCounterfactual_SameMaskWithoutAudio_IsZero()
    {
        var actual = Map(100, (10, 40, 0.8f));

        Assert.Equal(0.0, AudioReliance.FromCounterfactual(actual, actual), 6);
    }

    [Fact]
    public void FromCounterfactual_PartOfTheMassStays_IsTheShareThatVanishes()
    {
        // Mass 20 x 0.9 = 18 with audio; 10 of those pixels keep 0.9 without it: 9 / 18 vanishes.
        var actual = Map(100, (0, 20, 0.9f));
        var silent = Map(100, (0, 10, 0.9f));

        Assert.Equal(0.5, AudioReliance.FromCounterfactual(actual, silent), 5);
    }

    [Fact]
    public void FromCounterfactual_NearlyEmptyMask_ScoresAgainstTheFloorNotItsOwnMass()
    {
        // 1 pixel at 0.5 of 1,000: the floor (1% = 10 pixels of mass) keeps a speck from scoring 1.
        var actual = Map(1000, (0, 1, 0.5f));
        var silent = Map(1000);

        Assert.Equal(0.05, AudioReliance.FromCounterfactual(actual, silent), 6);
    }

    [Fact]
    public void FromCounterfactual_IsContinuousInTheSilentMass()
    {
        var actual = Map(100, (0, 50, 1f));
        var scores = new[] { 0f, 0.25f, 0.5f, 0.75f, 1f }.Select(s => AudioReliance.FromCounterfactual(actual, Map(100, (0, 50, s)))).ToArray();

        Assert.Equal([1.0, 0.75, 0.5, 0.25, 0.0], scores.Select(s => Math.Round(s, 6)));
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(1.5f)]
    [InlineData(-0.1f)]
    public void FromCounterfactual_NotAProbability_Throws(float value)
    {
        var actual = Map(4);
        actual[2] = value;

        var ex = Assert.Throws<ArgumentException>(() => AudioReliance.FromCounterfactual(actual, Map(4)));
        Assert.Contains("Pixel 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCounterfactual_DifferentLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => AudioReliance.FromCounterfactual(Map(4), Map(5)));
    }

    [Theory]
    [InlineData(0.3, 0.3)]
    [InlineData(-0.2, 0)]
    [InlineData(1.7, 1)]
    public void FromSupport_ClampsToUnitInterval(double support, double expected)
    {
        Assert.Equal(expected, AudioReliance.FromSupport(support));
    }

    [Fact]
    public void FromSupport_NaN_Throws()
    {
        Assert.Throws<ArgumentException>(() => AudioReliance.FromSupport(double.NaN));
    }

    private static float[] Map(int pixels, params (int Start, int Count, float Value)[] runs)
    {
        var map = new float[pixels];
        foreach (var (start, count, value) in runs)
        {
            Array.Fill(map, value, start, count);
        }

        return map;
    }
}

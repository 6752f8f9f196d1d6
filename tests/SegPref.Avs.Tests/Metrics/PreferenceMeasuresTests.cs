using SegPref.Avs.Metrics;

namespace SegPref.Avs.Tests.Metrics;

public sealed class PreferenceMeasuresTests
{
    [Theory]
    [InlineData(0.5, 0.4, 0.2)]
    [InlineData(0.5, 0.5, 0.0)]
    [InlineData(0.4, 0.5, -0.25)]
    [InlineData(0.0, 0.3, 0.0)]
    public void Delta_ReturnsRelativeDrop(double normal, double perturbed, double expected)
    {
        Assert.Equal(expected, PreferenceMeasures.Delta(normal, perturbed), 12);
    }

    [Fact]
    public void NullScore_PoolsPixelsOverFrames()
    {
        // 1 + 2 of 8 pixels above 0.5 (0.5 itself is not): sqrt(3/8), not the mean of sqrt(1/4) and sqrt(2/4).
        float[][] frames = [[0.9f, 0.1f, 0.5f, 0.2f], [0.6f, 0.7f, 0.1f, 0f]];

        Assert.Equal(Math.Sqrt(3.0 / 8.0), PreferenceMeasures.NullScore(frames), 12);
    }

    [Fact]
    public void NullScore_BlankPredictions_IsZero()
    {
        Assert.Equal(0.0, PreferenceMeasures.NullScore([[0.1f, 0.2f], [0.5f, 0f]]));
    }

    [Fact]
    public void NullScore_NoPixels_Throws()
    {
        Assert.Throws<ArgumentException>(() => PreferenceMeasures.NullScore([]));
    }

    [Fact]
    public void NullScoreAccumulator_CountsForegroundAndPixels()
    {
        var acc = new NullScoreAccumulator();

        acc.AddFrame([1f, 1f, 0f, 0f]);

        Assert.Equal((2L, 4L), (acc.Foreground, acc.Pixels));
        Assert.Equal(Math.Sqrt(0.5), acc.Result, 12);
        Assert.Throws<ArgumentException>(() => acc.AddFrame([1.2f]));
    }
}

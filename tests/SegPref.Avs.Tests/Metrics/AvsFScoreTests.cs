using SegPref.Avs.Metrics;

namespace SegPref.Avs.Tests.Metrics;

public sealed class AvsFScoreTests
{
    // F = 1.3 P R / (0.3 P + R).
    private static double F(double p, double r) => 1.3 * p * r / ((0.3 * p) + r);

    [Fact]
    public void Thresholds_SpanZeroToOneAscending()
    {
        var t = AvsFScore.Thresholds;

        Assert.Equal(255, t.Count);
        Assert.Equal(0f, t[0]);
        Assert.Equal(1f, t[^1]); // 1 - 1e-10 is 1.0 in float32, as in the official tensor.
        Assert.All(Enumerable.Range(1, 254), i => Assert.True(t[i] > t[i - 1]));
        Assert.Equal(0.5f, t[127], 1e-6f);
    }

    [Fact]
    public void Batch_HandWorkedFrame_IsMaxOverThresholds()
    {
        // G = {0, 2}. t in (0.6, 0.9]: only 0.9 positive -> P = 1, R = 1/2 -> F = 0.8125, the maximum
        // (t <= 0.2: P = 1/2, R = 1 -> 0.565; (0.2, 0.5]: 0.361; (0.5, 0.6]: 0.5; above 0.9: 0).
        var f = AvsFScore.Batch([([0.9f, 0.6f, 0.2f, 0.5f], [1, 0, 1, 0])]);

        Assert.Equal(0.8125, f, 12);
    }

    [Fact]
    public void Batch_PerfectPrediction_IsOne()
    {
        Assert.Equal(1.0, AvsFScore.Batch([([1, 0, 1, 0], [1, 0, 1, 0])]), 12);
    }

    [Fact]
    public void Batch_EmptyPredictionOnNonEmptyGt_ScoresOnlyAtThresholdZero()
    {
        // p = 0 is positive at t = 0 (p >= t), so the first threshold sees every pixel positive:
        // P = 1/4, R = 1. Above it nothing is positive and F = 0. The official metric is never 0 here.
        var f = AvsFScore.Batch([([0, 0, 0, 0], [1, 0, 0, 0])]);

        Assert.Equal(F(0.25, 1), f, 12);
    }

    [Fact]
    public void Batch_AllFramesEmptyGt_IsZero()
    {
        var f = AvsFScore.Batch([([0.9f, 0.1f], [0, 0]), ([0.2f, 0.3f], [0, 0])]);

        Assert.Equal(0.0, f);
    }

    [Fact]
    public void Batch_EmptyGtFrame_IsSkippedNotAveragedAsZero()
    {
        var alone = AvsFScore.Batch([([1, 0], [1, 0])]);
        var withEmpty = AvsFScore.Batch([([1, 0], [1, 0]), ([0.9f, 0.9f], [0, 0])]);

        Assert.Equal(1.0, alone, 12);
        Assert.Equal(alone, withEmpty, 12);
    }

    [Fact]
    public void FrameCurve_ProbabilityEqualToThreshold_IsPositive()
    {
        var k = 127;
        var curve = new double[AvsFScore.ThresholdCount];

        var counted = AvsFScore.FrameCurve([AvsFScore.Thresholds[k]], [1], curve);

        Assert.True(counted);
        Assert.Equal(1.0, curve[k]);
        Assert.Equal(0.0, curve[k + 1]);
    }

    [Fact]
    public void FrameCurve_EmptyGt_ReturnsFalse()
    {
        var curve = new double[AvsFScore.ThresholdCount];

        Assert.False(AvsFScore.FrameCurve([0.7f], [0], curve));
        Assert.All(curve, v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void FrameCurve_WrongCurveLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => AvsFScore.FrameCurve([0.7f], [1], new double[10]));
    }
}

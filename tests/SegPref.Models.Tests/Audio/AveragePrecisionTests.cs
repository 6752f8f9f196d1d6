using SegPref.Models.Audio;

namespace SegPref.Models.Tests.Audio;

public class AveragePrecisionTests
{
    [Fact]
    public void Compute_PositivesAtRanksOneAndThree_IsMeanOfOneAndTwoThirds()
    {
        // Sorted: 0.9 (+), 0.8 (-), 0.7 (+), 0.1 (-) -> (1/1 + 2/3) / 2.
        var ap = AveragePrecision.Compute([0.1f, 0.9f, 0.7f, 0.8f], [false, true, true, false]);

        Assert.Equal(5.0 / 6, ap, 12);
    }

    [Fact]
    public void Compute_PerfectRanking_IsOne() =>
        Assert.Equal(1.0, AveragePrecision.Compute([0.9f, 0.8f, 0.1f], [true, true, false]));

    [Fact]
    public void Compute_NoPositive_IsNaN() =>
        Assert.True(double.IsNaN(AveragePrecision.Compute([0.5f, 0.2f], [false, false])));

    [Fact]
    public void Mean_SkipsClassWithoutPositives_AveragesTheOthers()
    {
        // Class 0: perfect (AP 1); class 1: the positive ranked last of 3 (AP 1/3); class 2: no positive.
        float[] scores = [0.9f, 0.9f, 0.5f, 0.2f, 0.5f, 0.5f, 0.1f, 0.1f, 0.5f];
        float[] targets = [1, 0, 0, 0, 0, 0, 0, 1, 0];

        Assert.Equal((1 + (1.0 / 3)) / 2, AveragePrecision.Mean(scores, targets, 3), 12);
    }

    [Fact]
    public void Mean_MismatchedLengths_Throws() =>
        Assert.Throws<ArgumentException>(() => AveragePrecision.Mean(new float[4], new float[6], 2));
}

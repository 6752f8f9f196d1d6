using SegPref.Avs.Metrics;

namespace SegPref.Avs.Tests.Metrics;

public sealed class AvsJaccardTests
{
    [Fact]
    public void Frame_PartialOverlap_IsIntersectionOverUnion()
    {
        // 2x2: P = {0, 1} (0.5 is not > 0.5), G = {0, 2}: |P and G| = 1, |P or G| = 3.
        var j = AvsJaccard.Frame([0.9f, 0.6f, 0.2f, 0.5f], [1, 0, 1, 0]);

        Assert.Equal(1.0 / 3.0, j, 12);
    }

    [Fact]
    public void Frame_EmptyGtAndEmptyPrediction_IsOne()
    {
        Assert.Equal(1.0, AvsJaccard.Frame([0.1f, 0.2f, 0.3f, 0.5f], [0, 0, 0, 0]));
    }

    [Fact]
    public void Frame_EmptyGtWithSomePrediction_IsBackgroundAgreement()
    {
        // 3x3, two pixels predicted: 7 of 9 pixels are background in both.
        float[] prob = [0.9f, 0, 0, 0, 0.7f, 0, 0, 0, 0];

        Assert.Equal(7.0 / 9.0, AvsJaccard.Frame(prob, new byte[9]), 12);
    }

    [Fact]
    public void Frame_EmptyPredictionOnNonEmptyGt_IsZero()
    {
        Assert.Equal(0.0, AvsJaccard.Frame([0, 0, 0, 0], [1, 1, 0, 0]));
    }

    [Fact]
    public void Frame_ProbabilityExactlyHalf_IsNotForeground()
    {
        Assert.Equal(0.0, AvsJaccard.Frame([0.5f], [1]));
        Assert.Equal(1.0, AvsJaccard.Frame([0.50001f], [1]));
    }

    [Fact]
    public void Frame_PerfectPrediction_IsOne()
    {
        Assert.Equal(1.0, AvsJaccard.Frame([1, 0, 0.8f, 0.2f], [1, 0, 1, 0]));
    }

    [Fact]
    public void Batch_AveragesFrameScores()
    {
        // Frame scores 1/3 and 1 (empty GT, empty prediction).
        var j = AvsJaccard.Batch([([0.9f, 0.6f, 0.2f, 0.5f], [1, 0, 1, 0]), ([0f, 0f], [0, 0])]);

        Assert.Equal((1.0 / 3.0 + 1.0) / 2, j, 12);
    }

    [Theory]
    [InlineData(1.5f, 1)]
    [InlineData(float.NaN, 1)]
    [InlineData(-0.1f, 0)]
    [InlineData(0.5f, 2)]
    public void Frame_BadValues_Throw(float p, byte g)
    {
        Assert.Throws<ArgumentException>(() => AvsJaccard.Frame([p], [g]));
    }

    [Fact]
    public void Frame_LengthMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => AvsJaccard.Frame([0.1f, 0.2f], [0]));
    }

    [Fact]
    public void Batch_Empty_Throws()
    {
        Assert.Throws<ArgumentException>(() => AvsJaccard.Batch([]));
    }
}

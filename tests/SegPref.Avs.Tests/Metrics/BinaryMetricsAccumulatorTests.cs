using SegPref.Avs.Metrics;

namespace SegPref.Avs.Tests.Metrics;

public sealed class BinaryMetricsAccumulatorTests
{
    // Clip A reaches F = 1 only for t <= 0.2 (its object at 0.2); clip B only for t in (0.2, 0.8]
    // (its object at 0.8, a false positive at 0.2). Per-clip maxima are both 1; one shared curve is not.
    private static readonly (float[] Prob, byte[] Gt)[] ClipA = [([0.2f, 0, 0, 0], [1, 0, 0, 0])];
    private static readonly (float[] Prob, byte[] Gt)[] ClipB = [([0.8f, 0.2f, 0, 0], [1, 0, 0, 0])];

    [Fact]
    public void AddClips_OneClipPerBatch_AveragesPerClipMaxima()
    {
        var acc = new BinaryMetricsAccumulator();

        acc.AddClips([ClipA, ClipB], batchClips: 1);

        // J: A predicts nothing (0.2 <= 0.5) -> 0; B predicts exactly the object -> 1.
        Assert.Equal(new BinaryMetricsResult(0.5, 1.0, 2, 2), acc.Result);
    }

    [Fact]
    public void AddClips_TwoClipsPerBatch_TakesMaxOfMeanCurve()
    {
        var acc = new BinaryMetricsAccumulator();

        acc.AddClips([ClipA, ClipB], batchClips: 2);

        // t in (0, 0.2]: A = 1, B: P = 1/2, R = 1 -> 0.65 / 1.15; t in (0.2, 0.8]: A = 0, B = 1.
        var expectedF = Math.Max((1 + (0.65 / 1.15)) / 2, 0.5);
        var result = acc.Result;
        Assert.Equal(expectedF, result.FScore, 12);
        Assert.Equal(0.5, result.MIoU, 12);
        Assert.Equal(1, result.Batches);
        Assert.Equal(2, result.Frames);
    }

    [Fact]
    public void AddClips_LastPartialGroup_FormsOwnBatch()
    {
        var acc = new BinaryMetricsAccumulator();

        acc.AddClips([ClipA, ClipB, ClipA], batchClips: 2);

        Assert.Equal(2, acc.Result.Batches);
        Assert.Equal(3, acc.Result.Frames);
    }

    [Fact]
    public void AddBatch_JaccardAveragesBatchMeansNotFrames()
    {
        var acc = new BinaryMetricsAccumulator();

        // Batch 1: two frames scoring 1 and 0 -> 0.5; batch 2: one frame scoring 1. Mean of batches 0.75 (frames: 2/3).
        acc.AddBatch([([1f], [1]), ([0f], [1])]);
        acc.AddBatch([([1f], [1])]);

        Assert.Equal(0.75, acc.Result.MIoU, 12);
    }

    [Fact]
    public void Result_NoBatches_IsZero()
    {
        Assert.Equal(new BinaryMetricsResult(0, 0, 0, 0), new BinaryMetricsAccumulator().Result);
    }

    [Fact]
    public void AddClips_ZeroBatchClips_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BinaryMetricsAccumulator().AddClips([ClipA], 0));
    }

    [Fact]
    public void AddBatch_BadFrame_ThrowsAndLeavesResultUnchanged()
    {
        var acc = new BinaryMetricsAccumulator();

        Assert.Throws<ArgumentException>(() => acc.AddBatch([([1f], [1]), ([2f], [1])]));
        Assert.Equal(0, acc.Result.Batches);
    }
}

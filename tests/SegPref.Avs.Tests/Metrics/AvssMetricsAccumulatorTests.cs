using SegPref.Avs.Metrics;

namespace SegPref.Avs.Tests.Metrics;

public sealed class AvssMetricsAccumulatorTests
{
    private const int Guitar = 28;
    private const int Bassoon = 5;

    [Fact]
    public void Result_TwoHandWorkedFrames_MatchesPerClassMeans()
    {
        var acc = new AvssMetricsAccumulator();

        // Frame 1: background I=2, Np=2, Ng=3 -> IoU 2/3, P=1, R=2/3; guitar I=1, Np=2, Ng=1 -> IoU 1/2, P=1/2, R=1.
        acc.AddFrame([0, Guitar, Guitar, 0], [0, Guitar, 0, 0]);
        // Frame 2: background I=3, Np=4, Ng=3 -> IoU 3/4, P=3/4, R=1; bassoon missed -> IoU 0, F 0.
        acc.AddFrame([0, 0, 0, 0], [0, 0, 0, Bassoon]);
        var r = acc.Result;

        double F(double p, double rec) => 1.3 * p * rec / ((0.3 * p) + rec);
        var bgIoU = ((2.0 / 3) + (3.0 / 4)) / 2;
        var bgF = (F(1, 2.0 / 3) + F(0.75, 1)) / 2;
        Assert.Equal(bgIoU, r.ClassIoU[0], 12);
        Assert.Equal(0.5, r.ClassIoU[Guitar], 12);
        Assert.Equal(0.0, r.ClassIoU[Bassoon]);
        Assert.Equal(bgF, r.ClassF[0], 12);
        Assert.Equal(F(0.5, 1), r.ClassF[Guitar], 12);
        Assert.Equal([2, 1, 1], new[] { r.ClassFrames[0], r.ClassFrames[Guitar], r.ClassFrames[Bassoon] });
        Assert.Equal((bgIoU + 0.5) / 71, r.MIoU, 12);
        Assert.Equal((bgF + F(0.5, 1)) / 71, r.FScore, 12);
        Assert.Equal(2, r.Frames);
    }

    [Fact]
    public void Result_ClassAbsentFromAFrame_DoesNotDiluteItsMean()
    {
        var acc = new AvssMetricsAccumulator();

        acc.AddFrame([Guitar, 0], [Guitar, 0]);
        acc.AddFrame([0, 0], [0, 0]);

        Assert.Equal(1.0, acc.Result.ClassIoU[Guitar]);
        Assert.Equal(1, acc.Result.ClassFrames[Guitar]);
    }

    [Fact]
    public void Result_PerfectPredictionOfAllClasses_IsOne()
    {
        var acc = new AvssMetricsAccumulator();
        var map = Enumerable.Range(0, 71).Select(i => (byte)i).ToArray();

        acc.AddFrame(map, map);

        Assert.Equal(1.0, acc.Result.MIoU, 12);
        Assert.Equal(1.0, acc.Result.FScore, 12);
    }

    [Fact]
    public void Result_NoFrames_IsZero()
    {
        var r = new AvssMetricsAccumulator().Result;

        Assert.Equal(0.0, r.MIoU);
        Assert.Equal(71, r.ClassIoU.Count);
    }

    [Fact]
    public void AddFrame_IndexAbove70_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new AvssMetricsAccumulator().AddFrame([71], [0]));
        Assert.Contains("71", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddFrame_LengthMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => new AvssMetricsAccumulator().AddFrame([0, 0], [0]));
    }
}

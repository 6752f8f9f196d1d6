using SegPref.Models.Training;

namespace SegPref.Models.Tests.Training;

public sealed class WarmupCosineTests
{
    [Fact]
    public void At_Schedule_WarmsUpThenDecaysToTheFloor()
    {
        var schedule = new WarmupCosine(1.0, 100, 2);

        Assert.Equal(0.5, schedule.At(0), 12);
        Assert.Equal(1.0, schedule.At(2), 12);
        Assert.Equal(WarmupCosine.FloorFraction, schedule.At(100), 12);
    }

    [Fact]
    public void At_NoWarmup_IsCosineAnnealingToFivePercent()
    {
        // PyTorch's CosineAnnealingLR(T_max = 10, eta_min = 0.05 * lr): lr_t = eta_min + (lr - eta_min)(1 + cos(pi t / 10)) / 2.
        var schedule = new WarmupCosine(2e-3, 10, 0);

        for (var t = 0; t <= 10; t++)
        {
            var expected = 1e-4 + ((2e-3 - 1e-4) * (1 + Math.Cos(Math.PI * t / 10)) / 2);
            Assert.Equal(expected, schedule.At(t), 15);
        }
    }

    [Fact]
    public void WithWarmupShare_WarmsUpOverFivePercentOfTheSteps()
    {
        var schedule = WarmupCosine.WithWarmupShare(1.0, 200);

        Assert.Equal(0.1, schedule.At(0), 12);
        Assert.Equal(1.0, schedule.At(10), 12);
    }
}

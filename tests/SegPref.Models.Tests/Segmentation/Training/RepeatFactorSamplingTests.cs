using System.Text.Json;
using SegPref.Models.Segmentation.Training;

namespace SegPref.Models.Tests.Segmentation.Training;

public sealed class RepeatFactorSamplingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("segpref-repeat-").FullName;

    // Ten frames: "guitar" sounds in eight, "cat" in two (one of them with the guitar), one frame is silent.
    private static readonly FrameRecord[] Frames =
    [
        .. Enumerable.Range(0, 7).Select(i => Frame(i, "guitar")), Frame(7, "guitar", "cat"), Frame(8, "cat"), Frame(9),
    ];

    [Fact]
    public void ClassFactors_RareClassGetsSqrtOfThresholdOverFrequency_CommonClassOne()
    {
        var classes = RepeatFactorSampling.ClassFactors(Frames, 0.8);

        Assert.Equal(["cat", "guitar"], classes.Select(c => c.Class));
        Assert.Equal([2, 8], classes.Select(c => c.Frames));
        Assert.Equal(2.0, classes[0].Factor, 12);
        Assert.Equal(1.0, classes[1].Factor, 12);
    }

    [Fact]
    public void FrameFactors_TakeTheLargestClassFactor_SilentFramesOne()
    {
        var factors = RepeatFactorSampling.FrameFactors(Frames, RepeatFactorSampling.ClassFactors(Frames, 0.8));

        Assert.Equal([1, 1, 1, 1, 1, 1, 1, 2, 2, 1], factors);
    }

    [Fact]
    public void SilentObjects_TheEventsAreTheVisibleObjectsThatDoNotSound_DistractorsAndSoundingOnesAside()
    {
        // Eight frames show a guitar: it sounds in six, is silent in two (one of them also shows a silent chair, a
        // distractor, and a sounding cat).
        FrameRecord[] frames =
        [
            .. Enumerable.Range(0, 6).Select(i => Frame(i, "guitar") with { Objects = [Object("guitar", true)] }),
            Frame(6) with { Objects = [Object("guitar", false)] },
            Frame(7, "cat") with { Objects = [Object("guitar", false), Object("cat", true), Object("chair", false, distractor: true)] },
        ];

        var classes = RepeatFactorSampling.ClassFactors(frames, 1.0, silentObjects: true);
        var factors = RepeatFactorSampling.FrameFactors(frames, classes, silentObjects: true);

        Assert.Equal(["silent guitar"], classes.Select(c => c.Class));
        Assert.Equal(2, classes[0].Frames);
        Assert.Equal(2.0, classes[0].Factor, 12);
        Assert.Equal([1, 1, 1, 1, 1, 1, 2, 2], factors);
        Assert.Equal(["cat", "guitar"], RepeatFactorSampling.ClassFactors(frames, 1.0).Select(c => c.Class));
        Assert.Throws<ArgumentException>(() => new SegmentationTrainingOptions { RepeatSilent = true }.Validate());
        new SegmentationTrainingOptions { RepeatSilent = true, RepeatThreshold = 0.3 }.Validate();
    }

    [Fact]
    public void Order_DrawsInProportionToTheFactors_AndReplaysPerSeedAndEpoch()
    {
        double[] factors = [1, 3];

        var order = RepeatFactorSampling.Order(factors, 40_000, seed: 1, epoch: 1);

        Assert.InRange(order.Count(r => r == 1) / 40_000.0, 0.74, 0.76);
        Assert.Equal(order, RepeatFactorSampling.Order(factors, 40_000, seed: 1, epoch: 1));
        Assert.NotEqual(order, RepeatFactorSampling.Order(factors, 40_000, seed: 1, epoch: 2));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void ClassFactors_ThresholdOutsideZeroOne_Throws(double threshold) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RepeatFactorSampling.ClassFactors(Frames, threshold));

    [Fact]
    public void Order_NonPositiveFactor_Throws() =>
        Assert.Throws<ArgumentException>(() => RepeatFactorSampling.Order([1, 0], 4, 1, 1));

    [Fact]
    public void Options_ThresholdOutsideZeroOne_FailValidation()
    {
        Assert.Throws<ArgumentException>(() => new SegmentationTrainingOptions { RepeatThreshold = 0 }.Validate());
        Assert.Throws<ArgumentException>(() => new SegmentationTrainingOptions { RepeatThreshold = 2 }.Validate());
        new SegmentationTrainingOptions { RepeatThreshold = 0.5 }.Validate();
    }

    [Fact]
    public void WriteClassFactors_WritesThresholdAndEveryClass()
    {
        var path = Path.Combine(_dir, RepeatFactorSampling.FileName);

        RepeatFactorSampling.WriteClassFactors(path, 0.8, RepeatFactorSampling.ClassFactors(Frames, 0.8));

        using var json = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal(0.8, json.RootElement.GetProperty("threshold").GetDouble());
        var cat = json.RootElement.GetProperty("classes")[0];
        Assert.Equal("cat", cat.GetProperty("class").GetString());
        Assert.Equal(0.2, cat.GetProperty("frequency").GetDouble(), 12);
        Assert.Equal(2.0, cat.GetProperty("factor").GetDouble(), 12);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static FrameObject Object(string kind, bool sounding, bool distractor = false) => new(kind, sounding, distractor, 0, 0, 4, 4);

    private static FrameRecord Frame(int i, params string[] sounding) =>
        new($"clip{i}", 0, "", ["None", "None", "None", "None"]) { SoundingClasses = sounding };
}

using SegPref.Models.Segmentation.Training;

namespace SegPref.Models.Tests.Segmentation.Training;

public sealed class AudibilityBreakdownTests
{
    [Fact]
    public void Compute_PutsEachFrameInItsBandAndScoresItThere()
    {
        // 2x2 frames. Row 0: empty truth, predicted empty. Row 1: off-screen source, perfect. Row 2: under the floor,
        // blank prediction. Row 3: 5 dB, half right. Row 4: 20 dB, perfect. Row 5: no level (left out).
        byte[] truth = [0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0];
        float[][] probs = [[0, 0, 0, 0], [1, 1, 0, 0], [0, 0, 0, 0], [1, 0, 0, 0], [0, 0, 1, 1], [1, 1, 1, 1]];
        FrameLevel?[] levels = [new(-40, false), new(-3, true), new(-3, false), new(5, false), new(20, false), null];
        var records = Enumerable.Range(0, 6).Select(i => new FrameRecord("clip", i, "d", ["None", "None", "None", "None"])).ToList();
        var frames = new SegmentationFrames(2, new byte[6 * 3 * 4], truth, records, [(0, 6)]);

        var bands = AudibilityBreakdown.Compute(frames, probs, levels);

        Assert.Equal(AudibilityBreakdown.Bands, bands.Select(b => b.Band));
        Assert.All(bands, b => Assert.Equal(1, b.Frames));
        Assert.Equal([1.0, 1.0, 0.0, 0.5, 1.0], bands.Select(b => Math.Round(b.J, 3)));
        Assert.Equal([1.0, 0.0, 1.0, 0.0, 0.0], bands.Select(b => b.Blank));
    }
}

using SegPref.Models.Segmentation.Training;

namespace SegPref.Models.Tests.Segmentation.Training;

public sealed class CueKeepBreakdownTests
{
    [Fact]
    public void Auc_SeparatedReversedAndTied()
    {
        Assert.Equal(1.0, CueKeepBreakdown.Auc([0.9, 0.8], [0.1, 0.2, 0.3]));
        Assert.Equal(0.0, CueKeepBreakdown.Auc([0.1], [0.5, 0.6]));
        Assert.Equal(0.5, CueKeepBreakdown.Auc([0.5, 0.5], [0.5]));
        Assert.Equal(0.75, CueKeepBreakdown.Auc([0.2, 0.6], [0.4, 0.1]));
        Assert.Null(CueKeepBreakdown.Auc([0.3], []));
    }

    [Fact]
    public void Compute_SplitsEachClassBySoundingAndSilentAndScoresTheOpenCue()
    {
        // Frame 0: dog sounds, guitar silent; frame 1: guitar sounds; frame 2: piano silent while an unnamed bird sounds.
        var split = Split(
            (["dog", "guitar", "None", "None"], ["dog"]),
            (["guitar", "None", "None", "None"], ["guitar"]),
            (["piano", "None", "None", "None"], ["bird"]));
        float[][] keeps =
        [
            [0.9f, 0.2f, 0, 0, 0.1f],
            [0.7f, 0, 0, 0, 0.3f],
            [0.4f, 0, 0, 0, 0.8f],
        ];

        var rows = CueKeepBreakdown.Compute(split, keeps).ToDictionary(r => r.Cue);

        Assert.Equal(["dog", "guitar", "piano", CueKeepBreakdown.OpenCue, "all text cues"], rows.Keys);
        Assert.Equal((1, 0), (rows["dog"].SoundingCues, rows["dog"].SilentCues));
        Assert.Equal(0.9, rows["dog"].SoundingKeep!.Value, 5);
        Assert.Equal(0.7, rows["guitar"].SoundingKeep!.Value, 5);
        Assert.Equal(0.2, rows["guitar"].SilentKeep!.Value, 5);
        Assert.Equal(1.0, rows["guitar"].Auc);
        Assert.Null(rows["piano"].SoundingKeep);
        Assert.Equal((1, 2), (rows[CueKeepBreakdown.OpenCue].SoundingCues, rows[CueKeepBreakdown.OpenCue].SilentCues));
        Assert.Equal(0.8, rows[CueKeepBreakdown.OpenCue].SoundingKeep!.Value, 5);
        Assert.Equal(1.0, rows[CueKeepBreakdown.OpenCue].Auc);
        Assert.Equal((2, 2), (rows["all text cues"].SoundingCues, rows["all text cues"].SilentCues));
        Assert.Equal(1.0, rows["all text cues"].Auc);
    }

    [Fact]
    public void Compute_WrongWidth_Throws()
    {
        var split = Split((["dog", "None", "None", "None"], ["dog"]));

        var ex = Assert.Throws<ArgumentException>(() => CueKeepBreakdown.Compute(split, [[0.5f, 0.5f]]));

        Assert.Contains("expected 4 or 5", ex.Message);
    }

    private static SegmentationSplit Split(params (string[] Cues, string[] Sounding)[] frames) => TinySplits.Make("test", frames);
}

using SegPref.Models.Segmentation.Training;

namespace SegPref.Models.Tests.Segmentation.Training;

public sealed class SegmentationSplitTests
{
    [Fact]
    public void CueTargets_SoundingSilentAndEmptySlots_WithAndWithoutTheOpenCue()
    {
        // Frame 0: cues dog (sounds), guitar (silent); frame 1: cue piano (silent) while an unnamed bird sounds.
        var split = Split(
            (["dog", "guitar", "None", "None"], ["dog"]),
            (["piano", "None", "None", "None"], ["bird"]));

        var plain = split.CueTargets([0, 1]).data<float>().ToArray();
        var open = split.CueTargets([1, 0], openCue: true).data<float>().ToArray();

        Assert.Equal([1, 0, -1, -1, 0, -1, -1, -1], plain);
        Assert.Equal([0, -1, -1, -1, 1, 1, 0, -1, -1, 0], open);
    }

    private static SegmentationSplit Split(params (string[] Cues, string[] Sounding)[] frames)
    {
        const int size = 4;
        var records = frames.Select((f, i) => new FrameRecord("clip", i, "d", f.Cues) { SoundingClasses = f.Sounding }).ToList();
        var data = new SegmentationFrames(size, new byte[frames.Length * 3 * size * size], new byte[frames.Length * size * size], records, [(0, frames.Length)]);
        var valid = frames.SelectMany(f => f.Cues.Select(c => c != "None")).ToArray();
        var cues = new CueInputs([.. frames.Select(f => f.Cues)], null, new float[frames.Length * 4 * 2], valid, 2);
        return new SegmentationSplit("train", data, new float[frames.Length * 2], 2, cues);
    }
}

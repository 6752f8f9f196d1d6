using SegPref.Models.Segmentation.Training;

namespace SegPref.Models.Tests.Segmentation.Training;

/// <summary>Tiny segmentation splits for tests: 4 px frames, 4 cue slots ("None" = empty), given sounding classes.</summary>
internal static class TinySplits
{
    public static SegmentationSplit Make(string name, params (string[] Cues, string[] Sounding)[] frames)
    {
        const int size = 4;
        var records = frames.Select((f, i) => new FrameRecord("clip", i, "d", f.Cues) { SoundingClasses = f.Sounding }).ToList();
        var data = new SegmentationFrames(size, new byte[frames.Length * 3 * size * size], new byte[frames.Length * size * size], records, [(0, frames.Length)]);
        var valid = frames.SelectMany(f => f.Cues.Select(c => c != "None")).ToArray();
        var cues = new CueInputs([.. frames.Select(f => f.Cues)], null, new float[frames.Length * 4 * 2], valid, 2);
        return new SegmentationSplit(name, data, new float[frames.Length * 2], 2, cues);
    }
}

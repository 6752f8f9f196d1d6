using SegPref.Models.Segmentation.Training;
using static TorchSharp.torch;

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

    [Fact]
    public void GroundingTargets_BoxesOfEveryObjectTheCueNames_SoundingOrSilent_AndMinusOneForEmptySlots()
    {
        // Frame 0: two dogs (one silent) and a guitar; the cues name dog and piano (not drawn). Frame 1: no cue at all.
        var split = Split(
            (["dog", "piano", "None", "None"], ["dog"]),
            (["None", "None", "None", "None"], []));
        var withObjects = split with
        {
            Frames = split.Frames with
            {
                Frames =
                [
                    split.Frames.Frames[0] with
                    {
                        Objects =
                        [
                            new FrameObject("dog", true, false, 0, 0, 2, 1),
                            new FrameObject("dog", false, false, 3, 2, 4, 4),
                            new FrameObject("guitar", false, false, 1, 3, 1, 1),
                        ],
                    },
                    split.Frames.Frames[1],
                ],
            },
        };

        var targets = withObjects.GroundingTargets([0, 1]);
        var dog = targets[0, 0].data<float>().ToArray();
        var objects = withObjects.ObjectTargets([0, 1]);

        Assert.Equal([2, 4, 4, 4], targets.shape);
        Assert.Equal([1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1], objects[0, 0].data<float>().ToArray());
        Assert.Equal(0, objects[1].sum().item<float>());
        Assert.Equal([1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1], dog);
        Assert.Equal(0, targets[0, 1].abs().sum().item<float>());
        Assert.True(targets[0, 2].eq(-1).all().item<bool>());
        Assert.True(targets[1].eq(-1).all().item<bool>());
    }

    [Fact]
    public void ApplyToSlots_MirrorsOnlyTheMarkedRows()
    {
        var maps = arange(2 * 1 * 1 * 3, dtype: ScalarType.Float32).view(2, 1, 1, 3);

        var flipped = FlipAugmentation.ApplyToSlots(maps, [false, true]).data<float>().ToArray();

        Assert.Equal([0, 1, 2, 5, 4, 3], flipped);
    }

    private static SegmentationSplit Split(params (string[] Cues, string[] Sounding)[] frames) => TinySplits.Make("train", frames);
}

using SegPref.Models.Segmentation;
using SegPref.Models.Segmentation.Preference;
using SegPref.Models.Segmentation.Training;
using static TorchSharp.torch;

namespace SegPref.Models.Tests.Segmentation.Training;

[Collection(SeededTorch.Name)]
public sealed class PromptAttributionTests : SingleThreadedTorch
{
    private static readonly SegmenterOptions Teso = SyntheticSplit.Tiny with { OpenCue = true, AudioPrompts = true, DynamicMask = DynamicMaskMode.Off };

    [Fact]
    public void Run_Teso_ScoresEveryAblationAndSplitsTheSilentObjectsByWhetherTheirClassSounds()
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        using var model = new TesoSegmenter(Teso);
        var split = WithObjects(SyntheticSplit.Create(clips: 2, framesPerClip: 3, seed: 4));

        var result = PromptAttribution.Run(model, split, examples: 2, batchSize: 4);

        Assert.Equal(
            [PromptGroups.None, PromptGroups.TextCues, PromptGroups.OpenCue, PromptGroups.AudioPrompts, PromptGroups.All],
            result.Ablations.Select(a => a.Withheld));
        Assert.All(result.Ablations, a =>
        {
            Assert.InRange(a.J, 0, 1);
            Assert.Equal(6, a.SilentClassObjects);
            Assert.Equal(3, a.SoundingClassObjects);
            Assert.Equal(9, a.SilentObjects);
            Assert.InRange(a.SilentPaint!.Value, 0, 1);
        });
        Assert.Equal(
            [PromptAttribution.SoundingCues, PromptAttribution.SilentCues, "open cue", "audio prompts", PromptAttribution.Unread],
            result.SilentShares.Select(s => s.Group));

        // Every query reads some prompt (the open cue and the audio are never blocked): the shares of each region sum to 1.
        foreach (var shares in new[] { result.SilentShares, result.SoundingShares }.Where(s => s[0].Frames > 0))
        {
            Assert.Equal(1.0, shares.Sum(s => s.Share!.Value), 6);
            Assert.Equal(0.0, shares[^1].Share!.Value, 6);
        }

        // Slot 0 names the sounding class (dog); no slot names the silent guitar.
        Assert.Equal(0.0, result.SoundingShares.Single(s => s.Group == PromptAttribution.SilentCues).Share!.Value, 9);
        Assert.Equal(2, result.Examples.Count);
        Assert.True(result.Examples[0].Row < result.Examples[1].Row);
        Assert.NotEqual(split.Frames.Frames[result.Examples[0].Row].Uid, split.Frames.Frames[result.Examples[1].Row].Uid);
        Assert.All(result.Examples, e =>
        {
            Assert.Equal(result.Ablations.Count, e.Predictions.Count);
            Assert.Equal([PromptGroups.TextCues, PromptGroups.OpenCue, PromptGroups.AudioPrompts], e.GroupMaps.Select(g => g.Groups));
            Assert.All(e.GroupMaps, g => Assert.All(g.Map, v => Assert.InRange(v, 0f, 1f + 1e-5f)));
            Assert.Equal(["dog", CueKeepBreakdown.OpenCue], e.Cues.Select(c => c.Cue));
        });
        Assert.NotNull(AttributionFigure.RenderPng(split, result));
    }

    [Fact]
    public void Run_Baseline_ReadsOnlyItsAudioPromptsAndScoresTheImageAlone()
    {
        using var scope = NewDisposeScope();
        manual_seed(12);
        using var model = new AudioOnlySegmenter(SyntheticSplit.Tiny);
        var split = WithObjects(SyntheticSplit.Create(clips: 2, framesPerClip: 2, seed: 5));

        var result = PromptAttribution.Run(model, split, examples: 1);

        Assert.Equal([PromptGroups.None, PromptGroups.AudioPrompts], result.Ablations.Select(a => a.Withheld));
        Assert.Equal(["audio prompts", PromptAttribution.Unread], result.SilentShares.Select(s => s.Group));
        Assert.Equal(1.0, result.SoundingShares[0].Share!.Value, 6);
        Assert.Empty(Assert.Single(result.Examples).Cues);
    }

    [Fact]
    public void Run_FramesWithoutObjects_SaysSo()
    {
        using var model = new AudioOnlySegmenter(SyntheticSplit.Tiny);

        var error = Assert.Throws<ArgumentException>(() => PromptAttribution.Run(model, SyntheticSplit.Create(1, 2, 3)));

        Assert.Contains("no object lists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NothingVisibleSounds_EmptiesTheGroundTruthAndSilencesEveryObject()
    {
        var split = WithObjects(SyntheticSplit.Create(clips: 1, framesPerClip: 2, seed: 6));

        var silent = PromptAttribution.NothingVisibleSounds(split);

        Assert.All(silent.Frames.Masks, v => Assert.Equal(0, v));
        Assert.All(silent.Frames.Frames.Zip(split.Frames.Frames), p =>
        {
            Assert.Empty(p.First.SoundingClasses);
            Assert.All(p.First.Objects, o => Assert.False(o.Sounding));
            Assert.Equal(p.Second.Objects.Select(o => o with { Sounding = false }), p.First.Objects);
        });
        Assert.Same(split.Frames.Images, silent.Frames.Images);
        Assert.Same(split.Audio, silent.Audio);
        Assert.Contains(split.Frames.Masks, v => v != 0);
        Assert.All(PromptAttribution.NothingVisibleSounds(silent).Frames.Frames.Zip(silent.Frames.Frames), p => Assert.Equal(p.First.Objects, p.Second.Objects));
    }

    [Fact]
    public void Describe_NamesEachGroupAndCombinations()
    {
        Assert.Equal("nothing", PromptAttribution.Describe(PromptGroups.None));
        Assert.Equal("every prompt", PromptAttribution.Describe(PromptGroups.All));
        Assert.Equal("text cues + audio prompts", PromptAttribution.Describe(PromptGroups.TextCues | PromptGroups.AudioPrompts));
    }

    // Each frame: the square is a sounding dog (its mask), a silent guitar sits in the top-left corner, and in odd frames a
    // second, silent dog sits in the bottom-right corner (beside a sounding instance of its class).
    private static SegmentationSplit WithObjects(SegmentationSplit split)
    {
        var size = split.Frames.Size;
        var records = split.Frames.Frames.Select((f, i) =>
        {
            var mask = split.Frames.Masks.AsSpan(i * size * size, size * size);
            var first = mask.IndexOf((byte)1);
            var (x, y, side) = (first % size, first / size, 0);
            while (x + side < size && mask[(y * size) + x + side] == 1)
            {
                side++;
            }

            List<FrameObject> objects = [new("dog", true, false, x, y, side, side), new("guitar", false, false, 0, 0, 3, 3), new("chair", false, true, 0, size - 3, 3, 3)];
            if (i % 2 == 1)
            {
                objects.Add(new FrameObject("dog", false, false, size - 4, size - 4, 4, 4));
            }

            return f with { Objects = objects, SoundingClasses = ["dog"] };
        }).ToList();
        return split with { Frames = split.Frames with { Frames = records } };
    }
}

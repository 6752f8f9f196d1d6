using SegPref.Avs.Avss;
using SegPref.Avs.Synth;
using SegPref.Models.Segmentation.Training;

namespace SegPref.Models.Tests.Segmentation.Training;

public sealed class SegmentationFramesLoaderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "segpref-loader-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Load_QuickSynth_RecordsSoundingClassesFromTheLabelsAndObjectsScaledToTheMask()
    {
        SynthGenerator.Generate(_root, SynthConfig.Quick with { TrainClips = 4, ValClips = 1, TestClips = 1, TestCounterClips = 1 }, cancellationToken: TestContext.Current.CancellationToken);
        var dataset = AvssDataset.Open(_root);

        var frames = SegmentationFramesLoader.Load(dataset, "train", size: 24);

        Assert.Equal(4 * SynthConfig.Quick.FramesPerClip, frames.Count);
        foreach (var record in frames.Frames)
        {
            // The semantic labels name only classes that synth.json marks as sounding (a fully occluded one may be missing).
            var sounding = record.Objects.Where(o => o.Sounding).Select(o => o.Kind).Distinct().Order(StringComparer.Ordinal);
            Assert.Subset(sounding.ToHashSet(), record.SoundingClasses.ToHashSet());
            Assert.NotEmpty(record.SoundingClasses);
            Assert.All(record.Objects, o => Assert.InRange(o.X, -24, 24));
            Assert.All(record.Objects.Where(o => o.Distractor), o => Assert.False(o.Sounding));
        }
    }
}

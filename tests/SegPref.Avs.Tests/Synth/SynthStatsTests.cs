using SegPref.Avs.Avss;
using SegPref.Avs.Synth;

namespace SegPref.Avs.Tests.Synth;

public sealed class SynthStatsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "segpref-synth-stats-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Measure_MidSizeDataset_RatesMatchPriorsAndInvertInTestCounter()
    {
        var config = SynthConfig.Quick with { FrameSizePx = 16, FramesPerClip = 1, TrainClips = 150, ValClips = 0, TestClips = 0, TestCounterClips = 150 };
        SynthGenerator.Generate(_root, config, null, TestContext.Current.CancellationToken);

        var stats = SynthStats.Measure(_root).ToDictionary(s => s.Split);

        Assert.Equal([SynthSplits.Train, SynthSplits.TestCounter], stats.Keys);
        foreach (var split in stats.Values)
        {
            Assert.Equal(150, split.Clips);
            Assert.Equal(1.0, split.SoundingFrameFraction);
            Assert.All(SynthVocabulary.DistractorKinds.Where(split.Classes.ContainsKey), k => Assert.Equal(0, split.Classes[k].SoundingObjectFrames));
            foreach (var habitual in new[] { true, false })
            {
                var classes = SynthVocabulary.SoundClasses.Where(c => SynthVocabulary.HabitualClasses.Contains(c) == habitual).ToList();
                var visible = classes.Sum(c => split.Classes[c].VisibleObjectFrames);
                var sounding = classes.Sum(c => split.Classes[c].SoundingObjectFrames);
                var prior = config.PriorOf(classes[0], split.Split);
                Assert.InRange((double)sounding / visible, prior - 0.07, prior + 0.07);
            }
        }

        Assert.True(stats[SynthSplits.Train].Classes["guitar"].SoundingRate > 0.7);
        Assert.True(stats[SynthSplits.TestCounter].Classes["guitar"].SoundingRate < 0.4);
    }

    [Fact]
    public void Measure_MissingClipFile_ThrowsInvalidDataExceptionNamingIt()
    {
        var row = new AvssMetadataRow("v", "clip1", 0, 0, "dog", SynthSplits.Train, "synth");
        Directory.CreateDirectory(_root);
        AvssMetadata.Write(Path.Combine(_root, AvssLayout.MetadataFile), [row]);

        var ex = Assert.Throws<InvalidDataException>(() => SynthStats.Measure(_root));
        Assert.Contains("clip1", ex.Message, StringComparison.Ordinal);
        Assert.Contains(AvssLayout.SynthClipFile, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Measure_MalformedClipFile_ThrowsInvalidDataException()
    {
        var row = new AvssMetadataRow("v", "clip2", 0, 0, "dog", SynthSplits.Train, "synth");
        Directory.CreateDirectory(AvssLayout.ClipDir(_root, row));
        AvssMetadata.Write(Path.Combine(_root, AvssLayout.MetadataFile), [row]);
        File.WriteAllText(Path.Combine(AvssLayout.ClipDir(_root, row), AvssLayout.SynthClipFile), "{ not json");

        Assert.Throws<InvalidDataException>(() => SynthStats.Measure(_root));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}

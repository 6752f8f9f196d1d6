using SegPref.Avs.Avss;
using SegPref.Avs.Synth;
using SegPref.Media.Audio;
using SegPref.Media.Imaging;

namespace SegPref.Avs.Tests.Synth;

public sealed class SynthRealisticTests : IDisposable
{
    private static readonly SynthConfig Standard = SynthConfig.Quick with { TrainClips = 16, ValClips = 0, TestClips = 0, TestCounterClips = 0, FramesPerClip = 4 };
    private static readonly SynthConfig Realistic = Standard with
    {
        NoiseFloorDbfs = [-60, -40], OffScreenClipProbability = 0.7, OffScreenFrameProbability = 0.6, OffScreenOnlyFrameProbability = 0.25,
        OffScreenSnrDb = [-6, 6], PitchSpreadSemitones = 5, TimbreVariation = true, SourceLevelSpreadDb = 12,
    };

    private readonly string _root = Path.Combine(Path.GetTempPath(), "segpref-synth-real-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Generate_Realistic_SameFramesAndDescriptionsAsStandardButOtherAudio()
    {
        var standard = Generate("std", Standard);
        var realistic = Generate("real", Realistic);

        foreach (var row in standard)
        {
            var (a, b) = (AvssLayout.ClipDir(Path.Combine(_root, "std"), row), AvssLayout.ClipDir(Path.Combine(_root, "real"), row));
            foreach (var frame in Directory.GetFiles(Path.Combine(a, AvssLayout.FramesFolder)))
            {
                Assert.Equal(File.ReadAllBytes(frame), File.ReadAllBytes(Path.Combine(b, AvssLayout.FramesFolder, Path.GetFileName(frame))));
            }

            Assert.Equal(Info(a).Frames.Select(f => f.Description), Info(b).Frames.Select(f => f.Description));
            Assert.NotEqual(File.ReadAllBytes(Path.Combine(a, AvssLayout.AudioFile)), File.ReadAllBytes(Path.Combine(b, AvssLayout.AudioFile)));
        }
    }

    [Fact]
    public void Generate_Realistic_OffScreenClassesAreNeverVisibleAndOffScreenOnlyFramesHaveEmptyLabels()
    {
        var rows = Generate("real", Realistic);
        var offScreenOnly = 0;
        var offScreenFrames = 0;

        foreach (var row in rows)
        {
            var dir = AvssLayout.ClipDir(Path.Combine(_root, "real"), row);
            var info = Info(dir);
            var visible = info.Frames.SelectMany(f => f.Objects).Select(o => o.Kind).ToHashSet();
            foreach (var frame in info.Frames)
            {
                Assert.NotNull(frame.OffScreen);
                Assert.DoesNotContain(frame.OffScreen!, visible.Contains);
                offScreenFrames += frame.OffScreen!.Length > 0 ? 1 : 0;
                if (!frame.Objects.Any(o => o.Sounding))
                {
                    Assert.NotEmpty(frame.OffScreen!);
                    var labels = ImageCodec.Load(Path.Combine(dir, AvssLayout.LabelsFolder, $"{frame.Index}.png"));
                    Assert.All(labels.Pixels, p => Assert.Equal(0, p));
                    offScreenOnly++;
                }
            }
        }

        Assert.InRange(offScreenOnly, 1, (rows.Count * 4) - 1);
        Assert.True(offScreenFrames > offScreenOnly);
    }

    [Fact]
    public void Generate_Realistic_NoiseFileIsTheFloorAtItsRecordedLevel()
    {
        var rows = Generate("real", Realistic);

        foreach (var row in rows.Take(4))
        {
            var dir = AvssLayout.ClipDir(Path.Combine(_root, "real"), row);
            var noise = WavFile.Read(Path.Combine(dir, AvssLayout.NoiseFile));
            var recorded = Info(dir).Noise!.RmsDbfs;
            Assert.InRange(recorded, -60, -40);
            Assert.Equal(recorded, 10 * Math.Log10(AudioPerturbation.MeanPower(noise.Samples)), 0);
        }
    }

    [Fact]
    public void Generate_AudibleLabels_SameAudioAndFramesButSourcesUnderTheFloorLabelledSilent()
    {
        // A wide level spread against a loud floor, so that many planned sources are inaudible.
        var planned = Realistic with { NoiseFloorDbfs = [-45, -35], SourceLevelSpreadDb = 50, OffScreenClipProbability = 0, OffScreenOnlyFrameProbability = 0 };
        var audible = planned with { AudibleLabelDb = 0 };
        var rows = Generate("plan", planned);
        Generate("heard", audible);
        var (dropped, kept, checkedFrames) = (0, 0, 0);

        foreach (var row in rows)
        {
            var (a, b) = (AvssLayout.ClipDir(Path.Combine(_root, "plan"), row), AvssLayout.ClipDir(Path.Combine(_root, "heard"), row));
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, AvssLayout.AudioFile)), File.ReadAllBytes(Path.Combine(b, AvssLayout.AudioFile)));
            var (mix, noise) = (WavFile.Read(Path.Combine(b, AvssLayout.AudioFile)).Samples, WavFile.Read(Path.Combine(b, AvssLayout.NoiseFile)).Samples);
            var (plan, heard) = (Info(a), Info(b));
            foreach (var (p, h) in plan.Frames.Zip(heard.Frames))
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(a, AvssLayout.FramesFolder, $"{p.Index}.jpg")), File.ReadAllBytes(Path.Combine(b, AvssLayout.FramesFolder, $"{p.Index}.jpg")));
                foreach (var (po, ho) in p.Objects.Zip(h.Objects))
                {
                    Assert.True(po.Sounding || !ho.Sounding, "a label the plan does not have");
                    dropped += po.Sounding && !ho.Sounding ? 1 : 0;
                    kept += ho.Sounding ? 1 : 0;
                }

                // With one planned source and no off-screen sound, mix - noise is that source: its power over the floor decides.
                if (p.Objects.Count(o => o.Sounding) == 1)
                {
                    var second = SynthConfig.SampleRateHz;
                    var span = Enumerable.Range(p.Index * second, second);
                    var snrDb = 10 * Math.Log10(span.Average(n => Math.Pow(mix[n] - noise[n], 2)) / span.Average(n => Math.Pow(noise[n], 2)));
                    if (Math.Abs(snrDb) > 1)
                    {
                        Assert.Equal(snrDb > 0, h.Objects.Any(o => o.Sounding));
                        checkedFrames++;
                    }
                }

                var labels = ImageCodec.Load(Path.Combine(b, AvssLayout.LabelsFolder, $"{p.Index}.png"));
                Assert.Equal(h.Objects.Any(o => o.Sounding), labels.Pixels.Any(v => v != 0));
            }
        }

        Assert.True(dropped > 0 && kept > 0 && checkedFrames > 4, $"dropped {dropped}, kept {kept}, checked {checkedFrames}");
    }

    [Fact]
    public void Validate_AudibleLabelsWithoutANoiseFloor_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => (Standard with { AudibleLabelDb = 0 }).Validate());
        Assert.Contains("audible labels need a noise floor", ex.Message);
    }

    [Fact]
    public void Stats_Realistic_CountOffScreenAndOffScreenOnlyFrames()
    {
        Generate("real", Realistic);

        var train = Assert.Single(SynthStats.Measure(Path.Combine(_root, "real")));

        Assert.True(train.OffScreenOnlyFrames > 0);
        Assert.Equal(train.Frames - train.FramesWithSound, train.OffScreenOnlyFrames);
        Assert.True(train.FramesWithOffScreen >= train.OffScreenOnlyFrames);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static SynthClipInfo Info(string dir) => SynthClipInfo.Parse(File.ReadAllText(Path.Combine(dir, AvssLayout.SynthClipFile)), dir);

    private IReadOnlyList<AvssMetadataRow> Generate(string name, SynthConfig config) =>
        SynthGenerator.Generate(Path.Combine(_root, name), config, null, TestContext.Current.CancellationToken);
}

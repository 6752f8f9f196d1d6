using SegPref.Avs.Avss;
using SegPref.Avs.Evaluation;
using SegPref.Avs.Synth;
using SegPref.Media.Audio;

namespace SegPref.Avs.Tests.Evaluation;

public sealed class ConditionedAudioTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "segpref-cond-" + Guid.NewGuid().ToString("N"));
    private readonly AvssDataset _dataset;

    public ConditionedAudioTests()
    {
        var config = SynthConfig.Realistic with { FrameSizePx = 32, FramesPerClip = 3, TrainClips = 2, ValClips = 0, TestClips = 16, TestCounterClips = 0 };
        SynthGenerator.Generate(_root, config, null, TestContext.Current.CancellationToken);
        _dataset = AvssDataset.Open(_root);
    }

    [Fact]
    public void Swapped_EveryClip_GetsAnotherClipsAudioWithNoneOfItsVisibleClassesAudible()
    {
        var swapped = ConditionedAudio.Prepare(_dataset, "test", AudioConditions.Swapped);

        for (var i = 0; i < swapped.Rows.Count; i++)
        {
            var partner = swapped.SwapPartner(i);
            Assert.NotEqual(i, partner);
            var partnerInfo = _dataset.LoadClip(swapped.Rows[partner]).Synth!;
            var visible = _dataset.LoadClip(swapped.Rows[i]).Synth!.Frames.SelectMany(f => f.Objects).Where(o => !o.Distractor).Select(o => o.Kind).ToHashSet();
            Assert.DoesNotContain(partnerInfo.Frames.SelectMany(f => f.Audible), visible.Contains);
            Assert.NotEmpty(partnerInfo.Frames.SelectMany(f => f.Audible));
            Assert.Equal(WavFile.Read(_dataset.LoadClip(swapped.Rows[partner]).AudioPath).Samples, swapped.Load(i).Samples);
        }
    }

    [Fact]
    public void NoiseFloor_IsTheClipsNoiseFile()
    {
        var floor = ConditionedAudio.Prepare(_dataset, "test", AudioConditions.NoiseFloor);

        var clip = _dataset.LoadClip(floor.Rows[3]);
        Assert.Equal(WavFile.Read(Path.Combine(clip.Dir, AvssLayout.NoiseFile)).Samples, floor.Load(3).Samples);
    }

    [Fact]
    public void OffScreen_AddsAClassNeitherVisibleNorAudible_Deterministically()
    {
        var offScreen = ConditionedAudio.Prepare(_dataset, "test", AudioConditions.OffScreen, seed: 4);

        for (var i = 0; i < offScreen.Rows.Count; i++)
        {
            var added = offScreen.OffScreenClass(i);
            Assert.DoesNotContain(added, offScreen.VisibleClasses(i));
            Assert.DoesNotContain(added, offScreen.AudibleClasses(i));
            Assert.Contains(added, SynthVocabulary.SoundClasses);
        }

        var own = WavFile.Read(_dataset.LoadClip(offScreen.Rows[0]).AudioPath).Samples;
        var mixed = offScreen.Load(0).Samples;
        var added0 = own.Zip(mixed, (a, b) => (double)b - a).ToArray();
        Assert.True(Math.Sqrt(added0.Average(x => x * x)) > 0.1 * Math.Sqrt(AudioPerturbation.MeanPower(own)));
        Assert.Equal(mixed, ConditionedAudio.Prepare(_dataset, "test", AudioConditions.OffScreen, seed: 4).Load(0).Samples);
    }

    [Fact]
    public void ClipConditions_GoThroughAudioPerturbation_WithThePerClipSeed()
    {
        var mute = ConditionedAudio.Prepare(_dataset, "test", AudioPerturbation.Mute).Load(1);
        var dither = ConditionedAudio.Prepare(_dataset, "test", AudioPerturbation.Dither, seed: 5).Load(1);

        Assert.All(mute.Samples, s => Assert.Equal(0f, s));
        Assert.Equal(AudioPerturbation.DitheredSilence(mute, 5 + 7919).Samples, dither.Samples);
    }

    [Fact]
    public void Swapped_WithoutSynthLabels_ThrowsNamingWhatIsMissing()
    {
        foreach (var file in Directory.GetFiles(_root, AvssLayout.SynthClipFile, SearchOption.AllDirectories))
        {
            File.Delete(file);
        }

        var ex = Assert.Throws<InvalidDataException>(() => ConditionedAudio.Prepare(AvssDataset.Open(_root), "test", AudioConditions.Swapped));
        Assert.Contains("synth.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoiseFloor_WithoutNoiseFile_ThrowsNamingTheFile()
    {
        var floor = ConditionedAudio.Prepare(_dataset, "test", AudioConditions.NoiseFloor);
        File.Delete(Path.Combine(_dataset.LoadClip(floor.Rows[0]).Dir, AvssLayout.NoiseFile));

        var ex = Assert.Throws<InvalidDataException>(() => floor.Load(0));
        Assert.Contains("noise.wav", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("normal")]
    [InlineData("wgn-10")]
    [InlineData("wgn-2.5")]
    [InlineData("dither")]
    [InlineData("noise-floor")]
    [InlineData("swapped")]
    [InlineData("off-screen")]
    public void Check_KnownConditions_AreAccepted(string condition) => Assert.Equal(condition, AudioConditions.Check(condition));

    [Theory]
    [InlineData("silence")]
    [InlineData("wgn-")]
    [InlineData("wgn--3")]
    public void Check_Unknown_ThrowsListingTheValidOnes(string condition)
    {
        var ex = Assert.Throws<ArgumentException>(() => AudioConditions.Check(condition));
        Assert.Contains("noise-floor", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SilencesVisible_MarksTheNullSConditions()
    {
        Assert.Equal(
            ["mute", "noise-floor", "dither", "swapped"],
            AudioConditions.Benchmark.Where(AudioConditions.SilencesVisible));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}

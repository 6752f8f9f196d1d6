using SegPref.Avs.Synth;

namespace SegPref.Avs.Tests.Synth;

public class SynthConfigTests
{
    [Fact]
    public void Validate_Presets_DoNotThrow()
    {
        SynthConfig.Quick.Validate();
        SynthConfig.Standard.Validate();
        SynthConfig.Realistic.Validate();
        Assert.Equal((64, 5, 1200, 200), (SynthConfig.Standard.FrameSizePx, SynthConfig.Standard.FramesPerClip, SynthConfig.Standard.TrainClips, SynthConfig.Standard.TestCounterClips));
    }

    public static TheoryData<SynthConfig, string> BadConfigs => new()
    {
        { SynthConfig.Quick with { FrameSizePx = 8 }, "frame size" },
        { SynthConfig.Quick with { FramesPerClip = 0 }, "frames per clip" },
        { SynthConfig.Quick with { TrainClips = -1 }, "clip counts" },
        { SynthConfig.Quick with { TrainClips = 0, ValClips = 0, TestClips = 0, TestCounterClips = 0 }, "at least one clip" },
        { SynthConfig.Quick with { MinObjects = 3, MaxObjects = 2 }, "objects per clip" },
        { SynthConfig.Quick with { MaxObjects = 5 }, "objects per clip" },
        { SynthConfig.Quick with { DistractorProbability = 1 }, "distractor probability" },
        { SynthConfig.Quick with { MinSnrDb = 10, MaxSnrDb = 5 }, "SNR" },
        { SynthConfig.Quick with { HabitualPrior = 1.5 }, "priors" },
        { SynthConfig.Quick with { Priors = new Dictionary<string, double> { ["chair"] = 0.5 } }, "'chair'" },
        { SynthConfig.Quick with { Priors = new Dictionary<string, double> { ["dog"] = -0.1 } }, "prior of 'dog'" },
        { SynthConfig.Quick with { HabitualPrior = 0.05, OtherPrior = 0.05, MaxObjects = 2 }, "too low" },
        { SynthConfig.Quick with { NoiseFloorDbfs = [-30, -40] }, "noise floor" },
        { SynthConfig.Quick with { NoiseFloorDbfs = [-40] }, "noise floor" },
        { SynthConfig.Quick with { OffScreenClipProbability = 1.5 }, "off-screen probabilities" },
        { SynthConfig.Quick with { OffScreenOnlyFrameProbability = 1 }, "off-screen probabilities" },
        { SynthConfig.Quick with { OffScreenSnrDb = [5, -5] }, "off-screen SNR" },
        { SynthConfig.Quick with { PitchSpreadSemitones = 13 }, "pitch spread" },
        { SynthConfig.Quick with { SourceLevelSpreadDb = -1 }, "source level spread" },
        { SynthConfig.Quick with { SourceLevelSpreadDb = 61 }, "source level spread" },
    };

    [Theory]
    [MemberData(nameof(BadConfigs))]
    public void Validate_BadOption_ThrowsArgumentExceptionNamingIt(SynthConfig config, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(config.Validate);

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PriorOf_OverrideAndCounterSplit_UsesOverrideAndInverts()
    {
        var config = SynthConfig.Quick with { Priors = new Dictionary<string, double> { ["cat"] = 0.6 } };

        Assert.Equal(0.6, config.PriorOf("cat", SynthSplits.Train));
        Assert.Equal(0.4, config.PriorOf("cat", SynthSplits.TestCounter), 12);
        Assert.Equal(0.9, config.PriorOf("piano", SynthSplits.Val));
        Assert.Equal(0.7, config.PriorOf("bird", SynthSplits.TestCounter), 12);
        Assert.Throws<ArgumentException>(() => config.ClipCount("holdout"));
    }

    [Fact]
    public void FromJson_WrittenConfig_RoundTripsAndUnknownFieldsAreRefused()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(SynthConfig.Realistic);

        var read = SynthConfig.FromJson(json, "cfg.json");

        Assert.Equal(SynthConfig.Realistic.NoiseFloorDbfs, read.NoiseFloorDbfs);
        Assert.Equal(SynthConfig.Realistic.OffScreenSnrDb, read.OffScreenSnrDb);
        Assert.Equal((SynthConfig.Realistic.OffScreenClipProbability, SynthConfig.Realistic.PitchSpreadSemitones, SynthConfig.Realistic.TrainClips), (read.OffScreenClipProbability, read.PitchSpreadSemitones, read.TrainClips));
        var ex = Assert.Throws<InvalidDataException>(() => SynthConfig.FromJson("{\"of_screen_snr_db\": [0, 1]}", "cfg.json"));
        Assert.Contains("cfg.json", ex.Message, StringComparison.Ordinal);
    }
}

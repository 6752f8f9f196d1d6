using SegPref.Avs.Synth;

namespace SegPref.Avs.Tests.Synth;

public class SynthMixerTests
{
    [Fact]
    public void Mix_GatedSources_LouderThanNoiseWhereSoundingAndSilentSourcesElsewhere()
    {
        bool[][] sounding = [[true, false, false], [false, true, false], [true, false, false]];
        var cast = new SynthCast(["dog", "car", "chair"], [false, false, true], sounding);

        var mix = SynthMixer.Mix(cast, null, SynthConfig.Standard with { MinSnrDb = 0, MaxSnrDb = 5 }, new SynthRandom(11));

        Assert.Equal(3 * 16000, mix.Mix.Length);
        Assert.True(mix.Mix.Max(Math.Abs) <= SynthMixer.MaxPeak + 1e-6);
        for (var t = 0; t < 3; t++)
        {
            Assert.True(Rms(mix.Mix, t) > 1.1 * Rms(mix.Noise, t), $"second {t} is not louder than its noise");
            Assert.True(Rms(mix.Sources, t) > 0);
        }

        // Only the dog sounds in second 0: the car's source must not leak into it (beyond the 10 ms ramps).
        var carOnly = SynthMixer.Mix(new SynthCast(["car"], [false], [[false], [true], [false]]), null, SynthConfig.Standard with { MinSnrDb = 0, MaxSnrDb = 5 }, new SynthRandom(12));
        Assert.Equal(0, carOnly.Sources.Take(16000).Max(Math.Abs));
        Assert.Equal(0, carOnly.Sources.Skip(32000).Max(Math.Abs));
    }

    [Fact]
    public void Mix_SnrRange_NoiseLevelFollowsDrawnSnr()
    {
        var cast = new SynthCast(["piano"], [false], [[true], [true]]);

        var mix = SynthMixer.Mix(cast, null, SynthConfig.Standard with { MinSnrDb = 10, MaxSnrDb = 10 }, new SynthRandom(5));

        var snr = 20 * Math.Log10(Rms(mix.Sources, -1) / Rms(mix.Noise, -1));
        Assert.Equal(10, snr, 1);
    }

    [Fact]
    public void Mix_RealisticNoiseFloor_HasTheDrawnAbsoluteLevelWhateverTheSources()
    {
        var cast = new SynthCast(["piano"], [false], [[true], [true]]);
        var config = SynthConfig.Realistic with { NoiseFloorDbfs = [-50, -50] };

        var mix = SynthMixer.Mix(cast, null, config, new SynthRandom(5));

        Assert.Equal(-50, 20 * Math.Log10(Rms(mix.Noise, -1)), 1);
        Assert.Equal(-50, mix.NoiseDb, 6);
        Assert.All(mix.OffScreen, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Mix_OffScreenSource_SoundsOnlyInItsFramesAtTheDrawnSnrBelowTheNominalLevel()
    {
        var cast = new SynthCast(["dog"], [false], [[true], [true], [true]]);
        var offScreen = new SynthOffScreen("helicopter", [false, true, false]);
        var config = SynthConfig.Realistic with { OffScreenSnrDb = [6, 6], NoiseFloorDbfs = [-90, -90], PitchSpreadSemitones = 0, TimbreVariation = false };

        var mix = SynthMixer.Mix(cast, offScreen, config, new SynthRandom(8));

        Assert.Equal(0, mix.OffScreen.Take(15800).Max(Math.Abs));
        Assert.Equal(0, mix.OffScreen.Skip(32200).Max(Math.Abs));
        Assert.Equal(20 * Math.Log10(0.08) - 6, 20 * Math.Log10(Rms(mix.OffScreen, 1)), 0);
        Assert.Equal(mix.Mix.Select(v => (double)v), mix.Sources.Zip(mix.OffScreen, mix.Noise).Select(p => (double)(p.First + p.Second + p.Third)), new ToleranceComparer(1e-6));
    }

    [Theory]
    [MemberData(nameof(Classes))]
    public void Render_EachSoundClass_FiniteAndNotSilent(string kind)
    {
        var buffer = new float[16000];

        SynthVoices.Render(kind, buffer, new SynthRandom(3));

        Assert.All(buffer, v => Assert.True(float.IsFinite(v)));
        Assert.True(Rms(buffer, -1) > 1e-3, $"{kind} is silent");
    }

    [Fact]
    public void Render_BirdAndCar_DifferInSpectralBrightness()
    {
        double Crossings(string kind)
        {
            var b = new float[16000];
            SynthVoices.Render(kind, b, new SynthRandom(4));
            return Enumerable.Range(1, b.Length - 1).Count(i => Math.Sign(b[i]) != Math.Sign(b[i - 1]));
        }

        Assert.True(Crossings("bird") > 3 * Crossings("car"));
    }

    [Theory]
    [InlineData("pink")]
    [InlineData("brown")]
    [InlineData("room")]
    public void NoiseFloor_EachKind_HasTheRequestedRms(string kind)
    {
        var noise = SynthNoiseFloor.Render(kind, 16000, -40, new SynthRandom(2));

        Assert.Equal(-40, 20 * Math.Log10(Rms(noise, -1)), 3);
    }

    [Fact]
    public void NoiseFloor_Pink_HasMoreEnergyBelow500HzThanWhiteNoiseWould()
    {
        var noise = SynthNoiseFloor.Render("pink", 32000, -40, new SynthRandom(2));

        // A 2-tap moving average passes low frequencies: for white noise its power is half of the input's.
        var smoothed = Enumerable.Range(1, noise.Length - 1).Select(i => (noise[i] + noise[i - 1]) / 2f).ToArray();
        Assert.True(Rms(smoothed, -1) / Rms(noise, -1) > Math.Sqrt(0.5) * 1.15);
    }

    public static TheoryData<string> Classes() => new(SynthVocabulary.SoundClasses);

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }

    private static double Rms(float[] x, int second)
    {
        var span = second < 0 ? x : x.AsSpan(second * 16000, 16000).ToArray();
        return Math.Sqrt(span.Sum(v => (double)v * v) / span.Length);
    }
}

using SegPref.Avs.Synth;

namespace SegPref.Avs.Tests.Synth;

public class SynthMixerTests
{
    [Fact]
    public void Mix_GatedSources_LouderThanNoiseWhereSoundingAndSilentSourcesElsewhere()
    {
        bool[][] sounding = [[true, false, false], [false, true, false], [true, false, false]];
        var cast = new SynthCast(["dog", "car", "chair"], [false, false, true], sounding);

        var mix = SynthMixer.Mix(cast, 3, 0, 5, new SynthRandom(11));

        Assert.Equal(3 * 16000, mix.Mix.Length);
        Assert.True(mix.Mix.Max(Math.Abs) <= SynthMixer.MaxPeak + 1e-6);
        for (var t = 0; t < 3; t++)
        {
            Assert.True(Rms(mix.Mix, t) > 1.1 * Rms(mix.Noise, t), $"second {t} is not louder than its noise");
            Assert.True(Rms(mix.Sources, t) > 0);
        }

        // Only the dog sounds in second 0: the car's source must not leak into it (beyond the 10 ms ramps).
        var carOnly = SynthMixer.Mix(new SynthCast(["car"], [false], [[false], [true], [false]]), 3, 0, 5, new SynthRandom(12));
        Assert.Equal(0, carOnly.Sources.Take(16000).Max(Math.Abs));
        Assert.Equal(0, carOnly.Sources.Skip(32000).Max(Math.Abs));
    }

    [Fact]
    public void Mix_SnrRange_NoiseLevelFollowsDrawnSnr()
    {
        var cast = new SynthCast(["piano"], [false], [[true], [true]]);

        var mix = SynthMixer.Mix(cast, 2, 10, 10, new SynthRandom(5));

        var snr = 20 * Math.Log10(Rms(mix.Sources, -1) / Rms(mix.Noise, -1));
        Assert.Equal(10, snr, 1);
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

    public static TheoryData<string> Classes() => new(SynthVocabulary.SoundClasses);

    private static double Rms(float[] x, int second)
    {
        var span = second < 0 ? x : x.AsSpan(second * 16000, 16000).ToArray();
        return Math.Sqrt(span.Sum(v => (double)v * v) / span.Length);
    }
}

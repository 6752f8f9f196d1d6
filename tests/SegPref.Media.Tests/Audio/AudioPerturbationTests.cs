using SegPref.Media.Audio;

namespace SegPref.Media.Tests.Audio;

public class AudioPerturbationTests
{
    private static readonly AudioClip Tone = new(
        [.. Enumerable.Range(0, 16000).Select(i => (float)(0.5 * Math.Sin(2 * Math.PI * 440 * i / 16000)))], 16000);

    [Fact]
    public void Apply_Mute_AllZerosSameLengthAndRate()
    {
        var muted = AudioPerturbation.Apply(Tone, "mute", 1);

        Assert.Equal(Tone.Samples.Length, muted.Samples.Length);
        Assert.Equal(Tone.SampleRateHz, muted.SampleRateHz);
        Assert.All(muted.Samples, s => Assert.Equal(0f, s));
    }

    [Theory]
    [InlineData("wgn-10", -10)]
    [InlineData("wgn-40", -40)]
    public void Apply_WhiteNoise_NoisePowerMatchesSnrWithinHalfDecibel(string kind, double snrDb)
    {
        var noisy = AudioPerturbation.Apply(Tone, kind, 3);

        var noise = noisy.Samples.Zip(Tone.Samples, (n, s) => n - s).ToArray();
        var measured = 10 * Math.Log10(AudioPerturbation.MeanPower(Tone.Samples) / AudioPerturbation.MeanPower(noise));
        Assert.InRange(measured, snrDb - 0.5, snrDb + 0.5);
        Assert.InRange(Math.Abs(noise.Average()), 0, 0.05 * Math.Sqrt(AudioPerturbation.MeanPower(noise)));
    }

    [Fact]
    public void Apply_SameSeed_SameNoise_OtherSeed_OtherNoise()
    {
        var a = AudioPerturbation.Apply(Tone, "wgn-10", 5);
        var b = AudioPerturbation.Apply(Tone, "wgn-10", 5);
        var c = AudioPerturbation.Apply(Tone, "wgn-10", 6);

        Assert.Equal(a.Samples, b.Samples);
        Assert.NotEqual(a.Samples, c.Samples);
    }

    [Fact]
    public void Apply_Dither_IsSilencePlusTpdfDitherOfOneLsb()
    {
        var clip = new AudioClip(Enumerable.Range(0, 48000).Select(i => 0.3f * MathF.Sin(i * 0.01f)).ToArray(), 16000);

        var dithered = AudioPerturbation.Apply(clip, AudioPerturbation.Dither, 7);

        Assert.Equal(clip.Samples.Length, dithered.Samples.Length);
        var lsbs = dithered.Samples.Select(s => s * 32768).ToArray();
        Assert.All(lsbs, v => Assert.Contains(v, new[] { -1f, 0f, 1f }));
        var plus = lsbs.Count(v => v == 1) / (double)lsbs.Length;
        var minus = lsbs.Count(v => v == -1) / (double)lsbs.Length;
        Assert.InRange(plus, 0.115, 0.135);
        Assert.InRange(minus, 0.115, 0.135);
        Assert.Equal(dithered.Samples, AudioPerturbation.Apply(clip, AudioPerturbation.Dither, 7).Samples);
        Assert.NotEqual(dithered.Samples, AudioPerturbation.Apply(clip, AudioPerturbation.Dither, 8).Samples);
    }

    [Fact]
    public void Apply_Normal_ReturnsTheClipUnchanged() =>
        Assert.Same(Tone, AudioPerturbation.Apply(Tone, "normal", 0));

    [Fact]
    public void Apply_SilentClipWithNoise_StaysSilent() =>
        Assert.All(AudioPerturbation.Apply(new AudioClip(new float[100], 16000), "wgn-10", 0).Samples, s => Assert.Equal(0f, s));

    [Theory]
    [InlineData("loud")]
    [InlineData("wgn-")]
    [InlineData("wgn--5")]
    [InlineData("wgn-abc")]
    public void Apply_UnknownKind_ThrowsNamingIt(string kind)
    {
        var error = Assert.Throws<ArgumentException>(() => AudioPerturbation.Apply(Tone, kind, 0));

        Assert.Contains(kind, error.Message, StringComparison.Ordinal);
    }
}

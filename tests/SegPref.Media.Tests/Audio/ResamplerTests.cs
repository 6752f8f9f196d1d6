using SegPref.Media.Audio;

namespace SegPref.Media.Tests.Audio;

public class ResamplerTests
{
    [Theory]
    [InlineData(44100, 1000.0)]
    [InlineData(44100, 7000.0)]
    [InlineData(8000, 1000.0)]
    [InlineData(8000, 3000.0)]
    [InlineData(48000, 440.0)]
    [InlineData(191999, 1000.0)]
    public void Resample_ToneBelowNyquist_KeepsAmplitudeAndFrequency(int sourceRateHz, double frequencyHz)
    {
        var clip = new AudioClip(Signals.Tone(frequencyHz, sourceRateHz, 2.0), sourceRateHz);

        var resampled = Resampler.Resample(clip, 16000);

        // Measure away from the edges, where the filter sees zeros outside the clip.
        var amplitude = Signals.AmplitudeAt(resampled.Samples, frequencyHz, 16000, 8000, 16000);
        var rms = Signals.Rms(resampled.Samples, 8000, 16000);
        Assert.Equal(16000, resampled.SampleRateHz);
        Assert.Equal(0.5, amplitude, 0.005);
        Assert.Equal(0.5 / Math.Sqrt(2), rms, 0.005);
    }

    [Fact]
    public void Resample_ToneAboveNewNyquist_IsAttenuatedBy40Db()
    {
        var clip = new AudioClip(Signals.Tone(10000, 44100, 2.0), 44100);

        var resampled = Resampler.Resample(clip, 16000);

        var attenuationDb = 20 * Math.Log10(Signals.Rms(resampled.Samples, 4000, 24000) / (0.5 / Math.Sqrt(2)));
        Assert.True(attenuationDb <= -40, $"10 kHz leaked through at {attenuationDb:F1} dB");
    }

    [Theory]
    [InlineData(44100, 16000, 44100, 16000)]
    [InlineData(44100, 16000, 1000, 363)]
    [InlineData(8000, 16000, 12345, 24690)]
    [InlineData(22050, 16000, 3, 2)]
    [InlineData(48000, 16000, 0, 0)]
    [InlineData(16001, 16000, 1000, 1000)]
    public void Resample_AnyLength_IsRoundedRatio(int sourceRateHz, int targetRateHz, int length, int expected)
    {
        var resampled = Resampler.Resample(new AudioClip(new float[length], sourceRateHz), targetRateHz);

        Assert.Equal(expected, resampled.Samples.Length);
        Assert.Equal(Math.Round((double)length * targetRateHz / sourceRateHz), resampled.Samples.Length);
    }

    [Fact]
    public void Resample_SameRate_ReturnsClipUnchanged()
    {
        var clip = new AudioClip([0.1f, 0.2f], 16000);

        Assert.Same(clip, Resampler.Resample(clip, 16000));
    }

    [Fact]
    public void Resample_Upsample_InterpolatesBetweenOriginalSamples()
    {
        var clip = new AudioClip(Signals.Tone(500, 8000, 1.0), 8000);

        var resampled = Resampler.Resample(clip, 16000);

        // Even output samples sit on the input grid; odd ones are the band-limited midpoints.
        Assert.Equal(clip.Samples[4000], resampled.Samples[8000], 1e-3);
        Assert.Equal(0.5 * Math.Sin(2 * Math.PI * 500 * 4000.5 / 8000), resampled.Samples[8001], 1e-3);
    }

    [Fact]
    public void Resample_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Resampler.Resample(new AudioClip([], 16000), 0));
        Assert.Throws<ArgumentException>(() => Resampler.Resample(new AudioClip([], 0), 16000));
        Assert.Throws<ArgumentNullException>(() => Resampler.Resample(null!, 16000));
    }

    [Fact]
    public void Resample_RateOverMaxDecimationTimesTarget_ThrowsBeforeBuildingTaps()
    {
        // 0.1 ms at 100 MHz: each of its two output samples would need a 842,000-tap filter.
        var clip = new AudioClip(new float[10_000], 100_000_007);

        var ex = Assert.Throws<ArgumentException>(() => Resampler.Resample(clip, 16000));

        Assert.Contains("ratio over 256", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(44100, false)]
    [InlineData(22050, false)]
    [InlineData(11025, false)]
    [InlineData(96000, false)]
    [InlineData(191999, true)]
    public void PolyphaseFilter_PhaseTables_StayWithinTheMemoryCap(int sourceRateHz, bool grid)
    {
        var kernel = new KaiserSincKernel(Resampler.Rolloff * 16000.0 / sourceRateHz, 64, 8.6);

        var filter = new PolyphaseFilter(sourceRateHz, 16000, kernel);

        Assert.Equal(grid, filter.UsesPhaseGrid);
    }
}

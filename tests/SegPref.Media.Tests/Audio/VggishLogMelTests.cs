using SegPref.Media.Audio;

namespace SegPref.Media.Tests.Audio;

public class VggishLogMelTests
{
    [Fact]
    public void ComputeExamples_Silence_IsLogOffsetEverywhere()
    {
        var examples = VggishLogMel.ComputeExamples(new AudioClip(new float[32000], 16000));

        Assert.Equal(2, examples.Count);
        Assert.All(examples.Data, v => Assert.Equal(Math.Log(0.01), v, 1e-6));
    }

    [Theory]
    [InlineData(1000.0)]
    [InlineData(440.0)]
    [InlineData(3000.0)]
    public void ComputeExamples_PureTone_PeaksInBandWithNearestCentre(double frequencyHz)
    {
        var examples = VggishLogMel.ComputeExamples(new AudioClip(Signals.Tone(frequencyHz, 16000, 1.0), 16000));

        Assert.Equal(NearestCentreBand(frequencyHz), PeakBand(examples));
    }

    [Fact]
    public void ComputeExamples_ToneBelowLowerEdge_PutsLittleInBandZero()
    {
        // Band 0 spans about 125-185 Hz and is centred near 155 Hz. A 25 ms Hann window leaks a tone about
        // 80 Hz either way, so 100 Hz still reaches band 0; 50 Hz is far enough below 125 Hz to stay out.
        var below = BandEnergy(VggishLogMel.ComputeExamples(new AudioClip(Signals.Tone(50, 16000, 1.0), 16000)), 0);
        var inside = BandEnergy(VggishLogMel.ComputeExamples(new AudioClip(Signals.Tone(156.25, 16000, 1.0), 16000)), 0);
        var hundred = BandEnergy(VggishLogMel.ComputeExamples(new AudioClip(Signals.Tone(100, 16000, 1.0), 16000)), 0);
        var twoHundred = BandEnergy(VggishLogMel.ComputeExamples(new AudioClip(Signals.Tone(200, 16000, 1.0), 16000)), 0);

        Assert.True(below < 0.05 * inside, $"50 Hz: {below}, 156.25 Hz: {inside}");
        Assert.True(hundred < twoHundred, $"100 Hz: {hundred}, 200 Hz: {twoHundred}");
    }

    [Fact]
    public void ComputeExamples_StereoWavAt44k_PeaksInSameBandAs16kTone()
    {
        var tone = Signals.Tone(2000, 44100, 1.5);
        var stereo = new AudioClip(tone, 44100);
        using var wav = new MemoryStream();
        WavFile.Write(wav, stereo, WavSampleFormat.Pcm16);
        var bytes = DuplicateToStereo(wav.ToArray());

        var fromWav = VggishLogMel.ComputeExamples(WavBuilder.Read(bytes, "tone44k.wav"));
        var native = VggishLogMel.ComputeExamples(new AudioClip(Signals.Tone(2000, 16000, 1.5), 16000));

        Assert.Equal(PeakBand(native), PeakBand(fromWav));
        Assert.Equal(NearestCentreBand(2000), PeakBand(fromWav));
    }

    [Fact]
    public void ComputeExamples_WithoutSeconds_ReturnsOnlyFullExamples()
    {
        // 2.5 s -> 248 frames -> 2 full examples of 96 frames; a clip just under one example gives none.
        Assert.Equal(2, VggishLogMel.ComputeExamples(new AudioClip(new float[40000], 16000)).Count);
        Assert.Equal(1, VggishLogMel.ComputeExamples(new AudioClip(new float[VggishLogMel.SamplesPerExample], 16000)).Count);
        Assert.Equal(0, VggishLogMel.ComputeExamples(new AudioClip(new float[VggishLogMel.SamplesPerExample - 1], 16000)).Count);
    }

    internal static int PeakBand(LogMelExamples examples) =>
        Enumerable.Range(0, LogMelExamples.BandCount).MaxBy(b => BandEnergy(examples, b));

    /// <summary>Mean mel energy (log undone) of one band over all frames.</summary>
    internal static double BandEnergy(LogMelExamples examples, int band)
    {
        double sum = 0;
        for (var i = band; i < examples.Data.Length; i += LogMelExamples.BandCount)
        {
            sum += Math.Exp(examples.Data[i]) - VggishLogMel.LogOffset;
        }

        return sum / (examples.Data.Length / LogMelExamples.BandCount);
    }

    private static int NearestCentreBand(double frequencyHz)
    {
        static double Mel(double hz) => 1127 * Math.Log(1 + (hz / 700));
        double low = Mel(125), high = Mel(7500), target = Mel(frequencyHz);
        return Enumerable.Range(0, 64).MinBy(b => Math.Abs(low + ((high - low) * (b + 1) / 65) - target));
    }

    /// <summary>Rewrites a mono PCM16 WAV as stereo with the channel duplicated (and a LIST chunk for good measure).</summary>
    private static byte[] DuplicateToStereo(byte[] monoWav)
    {
        var data = monoWav.AsSpan(44).ToArray();
        var stereo = new byte[data.Length * 2];
        for (var i = 0; i < data.Length; i += 2)
        {
            stereo[2 * i] = stereo[(2 * i) + 2] = data[i];
            stereo[(2 * i) + 1] = stereo[(2 * i) + 3] = data[i + 1];
        }

        return WavBuilder.Riff(
            WavBuilder.Chunk("fmt ", WavBuilder.Fmt(1, 2, 44100, 16)),
            WavBuilder.Chunk("LIST", [1, 2, 3]),
            WavBuilder.Chunk("data", stereo));
    }
}

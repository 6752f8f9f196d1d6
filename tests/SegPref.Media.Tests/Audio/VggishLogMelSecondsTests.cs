using SegPref.Media.Audio;

namespace SegPref.Media.Tests.Audio;

public class VggishLogMelSecondsTests
{
    [Fact]
    public void ComputeExamples_ShorterClip_RepeatsLastExample()
    {
        // 2.5 s gives two full examples; seconds 3 to 5 repeat the second one.
        var clip = new AudioClip(Signals.Tone(700, 16000, 2.5), 16000);
        var all = VggishLogMel.ComputeExamples(clip);

        var padded = VggishLogMel.ComputeExamples(clip, 5);

        Assert.Equal(5, padded.Count);
        Assert.Equal(5 * LogMelExamples.ExampleSize, padded.Data.Length);
        Assert.True(padded.Example(0).SequenceEqual(all.Example(0)));
        for (var i = 1; i < 5; i++)
        {
            Assert.True(padded.Example(i).SequenceEqual(all.Example(1)), $"example {i} should repeat example 1");
        }
    }

    [Fact]
    public void ComputeExamples_LongerClip_IsCut()
    {
        var clip = new AudioClip(Signals.Tone(300, 16000, 7.3), 16000);
        var all = VggishLogMel.ComputeExamples(clip);

        var cut = VggishLogMel.ComputeExamples(clip, 5);

        Assert.Equal(7, all.Count);
        Assert.Equal(5, cut.Count);
        Assert.True(cut.Data.AsSpan().SequenceEqual(all.Data.AsSpan(0, 5 * LogMelExamples.ExampleSize)));
    }

    [Fact]
    public void ComputeExamples_ClipShorterThanOneExample_IsPaddedWithSilenceThenRepeated()
    {
        var samples = Signals.Tone(1000, 16000, 0.5);
        var zeroPadded = new float[VggishLogMel.SamplesPerExample];
        samples.CopyTo(zeroPadded, 0);
        var expected = VggishLogMel.ComputeExamples(new AudioClip(zeroPadded, 16000));

        var examples = VggishLogMel.ComputeExamples(new AudioClip(samples, 16000), 3);

        Assert.Equal(3, examples.Count);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(examples.Example(i).SequenceEqual(expected.Example(0)));
        }
    }

    [Fact]
    public void ComputeExamples_EmptyClip_IsSilence()
    {
        var examples = VggishLogMel.ComputeExamples(new AudioClip([], 16000), 2);

        Assert.Equal(2, examples.Count);
        Assert.All(examples.Data, v => Assert.Equal(Math.Log(0.01), v, 1e-6));
    }

    [Fact]
    public void ComputeExamples_OtherRate_IsResampledFirst()
    {
        var examples = VggishLogMel.ComputeExamples(new AudioClip(Signals.Tone(1000, 8000, 2.0), 8000), 2);

        Assert.Equal(2, examples.Count);
        Assert.Equal(VggishLogMelTests.PeakBand(VggishLogMel.ComputeExamples(new AudioClip(Signals.Tone(1000, 16000, 2.0), 16000))), VggishLogMelTests.PeakBand(examples));
    }

    [Fact]
    public void ComputeExamples_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VggishLogMel.ComputeExamples(new AudioClip([], 16000), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => VggishLogMel.ComputeExamples(new AudioClip([], 16000), VggishLogMel.MaxSeconds + 1));
        Assert.Throws<ArgumentNullException>(() => VggishLogMel.ComputeExamples(null!, 5));
        Assert.Throws<ArgumentException>(() => VggishLogMel.ComputeExamples(new AudioClip([], -1)));
    }
}

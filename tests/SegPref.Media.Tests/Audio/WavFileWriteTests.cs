using SegPref.Media.Audio;

namespace SegPref.Media.Tests.Audio;

public class WavFileWriteTests
{
    private static readonly float[] Samples = [0f, 0.5f, -0.5f, 0.999f, -1f, 0.123456f, -0.0001f];

    [Fact]
    public void WriteThenRead_Float32_IsExact()
    {
        var clip = RoundTrip(new AudioClip(Samples, 44100), WavSampleFormat.IeeeFloat32);

        Assert.Equal(44100, clip.SampleRateHz);
        Assert.Equal(Samples, clip.Samples);
    }

    [Fact]
    public void WriteThenRead_Pcm16_IsWithinTwoQuantisationSteps()
    {
        var clip = RoundTrip(new AudioClip(Samples, 16000), WavSampleFormat.Pcm16);

        Assert.Equal(16000, clip.SampleRateHz);
        Assert.Equal(Samples.Length, clip.Samples.Length);
        for (var i = 0; i < Samples.Length; i++)
        {
            // The writer scales positives by 32767 and the reader divides by 32768, hence two steps.
            Assert.Equal(Samples[i], clip.Samples[i], 2.0 / 32768);
        }
    }

    [Fact]
    public void WriteThenRead_Pcm16OutOfRange_IsClipped()
    {
        var clip = RoundTrip(new AudioClip([2f, -3f], 8000), WavSampleFormat.Pcm16);

        Assert.Equal(1f, clip.Samples[0], 1e-4);
        Assert.Equal(-1f, clip.Samples[1]);
    }

    [Fact]
    public void WriteThenRead_File_RoundTrips()
    {
        var path = Path.Combine(Path.GetTempPath(), $"segpref-{Guid.NewGuid():N}.wav");
        try
        {
            WavFile.Write(path, new AudioClip(Samples, 22050), WavSampleFormat.IeeeFloat32);
            Assert.Equal(Samples, WavFile.Read(path).Samples);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static AudioClip RoundTrip(AudioClip clip, WavSampleFormat format)
    {
        using var stream = new MemoryStream();
        WavFile.Write(stream, clip, format);
        stream.Position = 0;
        return WavFile.Read(stream, "roundtrip.wav");
    }
}

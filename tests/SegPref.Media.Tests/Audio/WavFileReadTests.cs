using System.Buffers.Binary;
using SegPref.Media.Audio;

namespace SegPref.Media.Tests.Audio;

public class WavFileReadTests
{
    [Fact]
    public void Read_Pcm16Stereo_AveragesChannels()
    {
        var data = new byte[8];
        BinaryPrimitives.WriteInt16LittleEndian(data, 16384);
        BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(2), 0);
        BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(4), -32768);
        BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(6), -16384);
        var bytes = WavBuilder.Riff(WavBuilder.Chunk("fmt ", WavBuilder.Fmt(1, 2, 22050, 16)), WavBuilder.Chunk("data", data));

        var clip = WavBuilder.Read(bytes);

        Assert.Equal(22050, clip.SampleRateHz);
        Assert.Equal([0.25f, -0.75f], clip.Samples);
    }

    [Fact]
    public void Read_Pcm8Unsigned_CentresOn128()
    {
        var bytes = WavBuilder.Riff(WavBuilder.Chunk("fmt ", WavBuilder.Fmt(1, 1, 8000, 8)), WavBuilder.Chunk("data", [0, 128, 192]));

        var clip = WavBuilder.Read(bytes);

        Assert.Equal([-1f, 0f, 0.5f], clip.Samples);
    }

    [Fact]
    public void Read_Pcm24_ScalesBy2Pow23()
    {
        // 0x400000 = 2^22 -> 0.5; 0x800000 = -2^23 -> -1.
        var bytes = WavBuilder.Riff(WavBuilder.Chunk("fmt ", WavBuilder.Fmt(1, 1, 48000, 24)), WavBuilder.Chunk("data", [0, 0, 0x40, 0, 0, 0x80]));

        var clip = WavBuilder.Read(bytes);

        Assert.Equal([0.5f, -1f], clip.Samples);
    }

    [Fact]
    public void Read_Pcm32_ScalesBy2Pow31()
    {
        var data = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(data, -1 << 29);
        var bytes = WavBuilder.Riff(WavBuilder.Chunk("fmt ", WavBuilder.Fmt(1, 1, 16000, 32)), WavBuilder.Chunk("data", data));

        Assert.Equal([-0.25f], WavBuilder.Read(bytes).Samples);
    }

    [Fact]
    public void Read_Float64_DecodesDoubles()
    {
        var data = new byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(data, -0.125);
        var bytes = WavBuilder.Riff(WavBuilder.Chunk("fmt ", WavBuilder.Fmt(3, 1, 32000, 64)), WavBuilder.Chunk("data", data));

        Assert.Equal([-0.125f], WavBuilder.Read(bytes).Samples);
    }

    [Fact]
    public void Read_ExtensibleFloatStereo_DecodesSubFormat()
    {
        var data = new byte[8];
        BinaryPrimitives.WriteSingleLittleEndian(data, 0.5f);
        BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(4), 0.25f);
        var fmt = WavBuilder.FmtExtensible(3, 2, 44100, 32);
        var bytes = WavBuilder.Riff(WavBuilder.Chunk("fmt ", fmt), WavBuilder.Chunk("data", data));

        var clip = WavBuilder.Read(bytes);

        Assert.Equal(44100, clip.SampleRateHz);
        Assert.Equal([0.375f], clip.Samples);
    }

    [Fact]
    public void Read_ExtensiblePcm24_DecodesSubFormat()
    {
        var fmt = WavBuilder.FmtExtensible(1, 1, 96000, 24);
        var bytes = WavBuilder.Riff(WavBuilder.Chunk("fmt ", fmt), WavBuilder.Chunk("data", [0, 0, 0xC0]));

        Assert.Equal([-0.5f], WavBuilder.Read(bytes).Samples);
    }

    [Fact]
    public void Read_UnknownOddSizedChunks_AreSkippedWithPadding()
    {
        var data = new byte[2];
        BinaryPrimitives.WriteInt16LittleEndian(data, 8192);
        var bytes = WavBuilder.Riff(
            WavBuilder.Chunk("LIST", [1, 2, 3]),
            WavBuilder.Chunk("fmt ", WavBuilder.Fmt(1, 1, 11025, 16)),
            WavBuilder.Chunk("junk", [9, 9, 9, 9, 9]),
            WavBuilder.Chunk("data", data));

        var clip = WavBuilder.Read(bytes);

        Assert.Equal(11025, clip.SampleRateHz);
        Assert.Equal([0.25f], clip.Samples);
    }

    [Fact]
    public void Read_StreamingUnknownDataSize_ReadsWholeFrames()
    {
        var bytes = WavBuilder.Riff(WavBuilder.Chunk("fmt ", WavBuilder.Fmt(1, 1, 8000, 16)), WavBuilder.Chunk("data", [0, 64, 0, 192, 7], 0xFFFFFFFF));

        // The odd body gets a pad byte, so the reader sees 6 bytes = 3 whole frames.
        var samples = WavBuilder.Read(bytes).Samples;

        Assert.Equal(3, samples.Length);
        Assert.Equal([0.5f, -0.5f], samples[..2]);
    }

    [Fact]
    public void Read_Path_NamesFileInErrors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"segpref-{Guid.NewGuid():N}.wav");
        File.WriteAllBytes(path, [1, 2, 3]);
        try
        {
            var ex = Assert.Throws<InvalidDataException>(() => WavFile.Read(path));
            Assert.StartsWith(Path.GetFileName(path) + ": ", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Inspect_HeaderOnly_ReportsRateChannelsAndFramesWithoutDecoding()
    {
        var bytes = WavBuilder.Riff(WavBuilder.Chunk("fmt ", WavBuilder.Fmt(1, 2, int.MaxValue, 16)), WavBuilder.Chunk("data", new byte[4000]));

        var info = WavFile.Inspect(bytes, "x.wav");

        Assert.Equal(int.MaxValue, info.SampleRateHz);
        Assert.Equal(2, info.Channels);
        Assert.Equal(1000, info.Frames);
        Assert.Equal(1000.0 / int.MaxValue, info.DurationSeconds, 12);
    }
}

namespace SegPref.Media.Tests.Audio;

public class WavFileErrorTests
{
    private static readonly byte[] Pcm16Mono = WavBuilder.Chunk("fmt ", WavBuilder.Fmt(1, 1, 16000, 16));

    [Fact]
    public void Read_Mp3Format_NamesFormat()
    {
        var bytes = WavBuilder.Riff(WavBuilder.Chunk("fmt ", WavBuilder.Fmt(0x55, 1, 16000, 16)), WavBuilder.Chunk("data", new byte[4]));

        var ex = Assert.Throws<InvalidDataException>(() => WavBuilder.Read(bytes));

        Assert.Equal("x.wav: unsupported WAV format 0x0055 (MPEG Layer III)", ex.Message);
    }

    [Fact]
    public void Read_TruncatedData_ReportsDeclaredAndPresentBytes()
    {
        var bytes = WavBuilder.Riff(Pcm16Mono, WavBuilder.Chunk("data", new byte[1200], declaredSize: 32000));

        var ex = Assert.Throws<InvalidDataException>(() => WavBuilder.Read(bytes));

        Assert.Equal("x.wav: truncated data chunk: header says 32000 bytes, 1200 present", ex.Message);
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 }, "too short")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x41, 0x56, 0x49, 0x20 }, "not a RIFF/WAVE file")]
    public void Read_NotWav_Throws(byte[] bytes, string problem)
    {
        var ex = Assert.Throws<InvalidDataException>(() => WavBuilder.Read(bytes, "clip.wav"));

        Assert.StartsWith("clip.wav: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoDataChunk_Throws()
    {
        var ex = Assert.Throws<InvalidDataException>(() => WavBuilder.Read(WavBuilder.Riff(Pcm16Mono)));

        Assert.Equal("x.wav: no data chunk", ex.Message);
    }

    [Fact]
    public void Read_DataBeforeFmt_Throws()
    {
        var bytes = WavBuilder.Riff(WavBuilder.Chunk("data", new byte[2]), Pcm16Mono);

        var ex = Assert.Throws<InvalidDataException>(() => WavBuilder.Read(bytes));

        Assert.Contains("data chunk before fmt chunk", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DataNotWholeFrames_Throws()
    {
        var bytes = WavBuilder.Riff(Pcm16Mono, WavBuilder.Chunk("data", new byte[3]));

        var ex = Assert.Throws<InvalidDataException>(() => WavBuilder.Read(bytes));

        Assert.Contains("not a whole number of 2-byte frames", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 0, 16000, 16, "0 channels")]
    [InlineData(1, 1, 0, 16, "invalid sample rate 0 Hz")]
    [InlineData(1, 1, 16000, 12, "unsupported PCM sample size: 12 bits")]
    [InlineData(3, 1, 16000, 16, "unsupported float sample size: 16 bits")]
    public void Read_BadFmtFields_Throws(int tag, int channels, int rate, int bits, string problem)
    {
        var bytes = WavBuilder.Riff(WavBuilder.Chunk("fmt ", WavBuilder.Fmt((ushort)tag, channels, rate, bits)), WavBuilder.Chunk("data", new byte[8]));

        var ex = Assert.Throws<InvalidDataException>(() => WavBuilder.Read(bytes));

        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ExtensibleWithForeignGuid_Throws()
    {
        var fmt = WavBuilder.FmtExtensible(1, 1, 16000, 16);
        fmt[39] ^= 0xFF;
        var bytes = WavBuilder.Riff(WavBuilder.Chunk("fmt ", fmt), WavBuilder.Chunk("data", new byte[2]));

        var ex = Assert.Throws<InvalidDataException>(() => WavBuilder.Read(bytes));

        Assert.Contains("unsupported WAVE_FORMAT_EXTENSIBLE sub-format", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RandomAndMutatedBytes_OnlyEverThrowsInvalidData()
    {
        var rng = new Random(1234);
        byte[][] templates =
        [
            WavBuilder.Riff(WavBuilder.Chunk("LIST", new byte[5]), Pcm16Mono, WavBuilder.Chunk("data", new byte[64])),
            WavBuilder.Riff(WavBuilder.Chunk("fmt ", WavBuilder.FmtExtensible(3, 2, 44100, 32)), WavBuilder.Chunk("data", new byte[64])),
        ];
        var decoded = 0;
        for (var trial = 0; trial < 3000; trial++)
        {
            var bytes = trial % 3 == 0 ? RandomBytes(rng) : Mutate(templates[trial % 2], rng);
            try
            {
                var clip = WavBuilder.Read(bytes);
                Assert.True(clip.SampleRateHz > 0);
                decoded++;
            }
            catch (InvalidDataException ex)
            {
                Assert.StartsWith("x.wav: ", ex.Message, StringComparison.Ordinal);
            }
        }

        Assert.InRange(decoded, 1, 2999);
    }

    private static byte[] RandomBytes(Random rng)
    {
        var bytes = new byte[rng.Next(0, 80)];
        rng.NextBytes(bytes);
        if (bytes.Length >= 12 && rng.Next(2) == 0)
        {
            "RIFF"u8.CopyTo(bytes);
            "WAVE"u8.CopyTo(bytes.AsSpan(8));
        }

        return bytes;
    }

    private static byte[] Mutate(byte[] valid, Random rng)
    {
        var bytes = valid.Take(rng.Next(valid.Length / 2, valid.Length + 1)).ToArray();
        for (var i = rng.Next(0, 4); i > 0 && bytes.Length > 0; i--)
        {
            bytes[rng.Next(bytes.Length)] = (byte)rng.Next(256);
        }

        return bytes;
    }
}

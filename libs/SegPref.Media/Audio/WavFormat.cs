using System.Buffers.Binary;

namespace SegPref.Media.Audio;

/// <summary>The decoded fmt chunk, restricted to the encodings <see cref="WavFile"/> can read.</summary>
/// <param name="Channels">Interleaved channels per frame.</param>
/// <param name="SampleRateHz">Frames per second.</param>
/// <param name="BlockAlign">Bytes per frame (all channels).</param>
/// <param name="BitsPerSample">Container size of one sample in bits (8, 16, 24, 32 or 64).</param>
/// <param name="IsFloat">IEEE float samples rather than integer PCM.</param>
internal sealed record WavFormat(int Channels, int SampleRateHz, int BlockAlign, int BitsPerSample, bool IsFloat)
{
    private const ushort FormatPcm = 0x0001;
    private const ushort FormatIeeeFloat = 0x0003;
    private const ushort FormatExtensible = 0xFFFE;

    // KSDATAFORMAT_SUBTYPE_* GUIDs share this tail after their 2-byte format code and 2 zero bytes.
    private static ReadOnlySpan<byte> SubFormatTail =>
        [0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    public static WavFormat Parse(ReadOnlySpan<byte> fmt, string source)
    {
        if (fmt.Length < 16)
        {
            throw WavFile.Invalid(source, $"fmt chunk too short ({fmt.Length} bytes, need 16)");
        }

        var tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        var sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        if (tag == FormatExtensible)
        {
            tag = ParseSubFormat(fmt, source);
        }

        var isFloat = tag == FormatIeeeFloat;
        if (tag != FormatPcm && !isFloat)
        {
            throw WavFile.Invalid(source, $"unsupported WAV format 0x{tag:X4} ({FormatName(tag)})");
        }

        var supportedBits = isFloat ? bits is 32 or 64 : bits is 8 or 16 or 24 or 32;
        if (!supportedBits)
        {
            throw WavFile.Invalid(source, $"unsupported {(isFloat ? "float" : "PCM")} sample size: {bits} bits");
        }

        if (channels == 0)
        {
            throw WavFile.Invalid(source, "fmt chunk declares 0 channels");
        }

        if (sampleRate == 0 || sampleRate > int.MaxValue)
        {
            throw WavFile.Invalid(source, $"invalid sample rate {sampleRate} Hz");
        }

        if (blockAlign != channels * (bits / 8))
        {
            throw WavFile.Invalid(source, $"block align {blockAlign} does not match {channels} channels of {bits} bits");
        }

        return new WavFormat(channels, (int)sampleRate, blockAlign, bits, isFloat);
    }

    private static ushort ParseSubFormat(ReadOnlySpan<byte> fmt, string source)
    {
        if (fmt.Length < 40)
        {
            throw WavFile.Invalid(source, $"WAVE_FORMAT_EXTENSIBLE fmt chunk too short ({fmt.Length} bytes, need 40)");
        }

        var guid = fmt.Slice(24, 16);
        if (!guid.Slice(4).SequenceEqual(SubFormatTail) || guid[2] != 0 || guid[3] != 0)
        {
            throw WavFile.Invalid(source, $"unsupported WAVE_FORMAT_EXTENSIBLE sub-format {new Guid(guid)}");
        }

        return BinaryPrimitives.ReadUInt16LittleEndian(guid);
    }

    private static string FormatName(ushort tag) => tag switch
    {
        0x0002 => "Microsoft ADPCM",
        0x0006 => "A-law",
        0x0007 => "mu-law",
        0x0011 => "IMA ADPCM",
        0x0031 => "GSM 6.10",
        0x0050 => "MPEG",
        0x0055 => "MPEG Layer III",
        0x0161 or 0x0162 or 0x0163 => "Windows Media Audio",
        0x1610 or 0x00FF => "AAC",
        0xF1AC => "FLAC",
        _ => "unknown",
    };
}

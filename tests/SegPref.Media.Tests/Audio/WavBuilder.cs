using System.Buffers.Binary;
using SegPref.Media.Audio;

namespace SegPref.Media.Tests.Audio;

/// <summary>Builds arbitrary (also malformed) WAV byte streams for reader tests.</summary>
internal static class WavBuilder
{
    public static byte[] Fmt(ushort tag, int channels, int rate, int bits)
    {
        var fmt = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteInt32LittleEndian(fmt.AsSpan(4), rate);
        BinaryPrimitives.WriteInt32LittleEndian(fmt.AsSpan(8), rate * channels * bits / 8);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(12), (ushort)(channels * bits / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), (ushort)bits);
        return fmt;
    }

    /// <summary>A 40-byte WAVE_FORMAT_EXTENSIBLE fmt body whose sub-format GUID carries <paramref name="subTag"/>.</summary>
    public static byte[] FmtExtensible(ushort subTag, int channels, int rate, int bits)
    {
        var fmt = new byte[40];
        Fmt(0xFFFE, channels, rate, bits).CopyTo(fmt, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(16), 22);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(18), (ushort)bits);
        new Guid($"{subTag:X8}-0000-0010-8000-00aa00389b71").TryWriteBytes(fmt.AsSpan(24));
        return fmt;
    }

    public static byte[] Chunk(string id, byte[] body, uint? declaredSize = null)
    {
        var padded = body.Length + (body.Length & 1);
        var chunk = new byte[8 + padded];
        System.Text.Encoding.ASCII.GetBytes(id).CopyTo(chunk, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), declaredSize ?? (uint)body.Length);
        body.CopyTo(chunk, 8);
        return chunk;
    }

    public static byte[] Riff(params byte[][] chunks)
    {
        var body = chunks.SelectMany(c => c).ToArray();
        var riff = new byte[12 + body.Length];
        "RIFF"u8.CopyTo(riff);
        BinaryPrimitives.WriteInt32LittleEndian(riff.AsSpan(4), 4 + body.Length);
        "WAVE"u8.CopyTo(riff.AsSpan(8));
        body.CopyTo(riff, 12);
        return riff;
    }

    public static AudioClip Read(byte[] bytes, string name = "x.wav")
    {
        using var stream = new MemoryStream(bytes);
        return WavFile.Read(stream, name);
    }
}

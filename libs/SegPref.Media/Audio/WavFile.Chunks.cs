using System.Buffers.Binary;

namespace SegPref.Media.Audio;

public static partial class WavFile
{
    private const uint UnknownDataSize = 0xFFFFFFFF;

    /// <summary>Walks the RIFF chunk list and returns the parsed fmt chunk and the sample bytes.</summary>
    private static (WavFormat Format, ReadOnlyMemory<byte> Data) FindChunks(ReadOnlyMemory<byte> memory, string source)
    {
        var bytes = memory.Span;
        if (bytes.Length < 12)
        {
            throw Invalid(source, $"too short for a RIFF/WAVE header ({bytes.Length} bytes)");
        }

        if (!bytes[..4].SequenceEqual("RIFF"u8) || !bytes.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            throw Invalid(source, "not a RIFF/WAVE file");
        }

        WavFormat? format = null;
        long offset = 12;
        while (offset + 8 <= bytes.Length)
        {
            var id = bytes.Slice((int)offset, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice((int)offset + 4, 4));
            var body = offset + 8;
            var present = bytes.Length - body;
            if (id.SequenceEqual("fmt "u8))
            {
                if (size > present)
                {
                    throw Invalid(source, $"truncated fmt chunk: header says {size} bytes, {present} present");
                }

                format = WavFormat.Parse(bytes.Slice((int)body, (int)size), source);
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (format is null)
                {
                    throw Invalid(source, "data chunk before fmt chunk");
                }

                if (size > present && size != UnknownDataSize)
                {
                    throw Invalid(source, $"truncated data chunk: header says {size} bytes, {present} present");
                }

                var length = (int)Math.Min(size, present);
                if (size == UnknownDataSize)
                {
                    length -= length % format.BlockAlign;
                }
                else if (length % format.BlockAlign != 0)
                {
                    throw Invalid(source, $"data chunk size {size} is not a whole number of {format.BlockAlign}-byte frames");
                }

                return (format, memory.Slice((int)body, length));
            }

            // Chunks are word-aligned: an odd-sized chunk is followed by one pad byte.
            offset = body + size + (size & 1);
        }

        throw Invalid(source, format is null ? "no fmt chunk" : "no data chunk");
    }

    internal static InvalidDataException Invalid(string source, string problem) => new($"{source}: {problem}");
}

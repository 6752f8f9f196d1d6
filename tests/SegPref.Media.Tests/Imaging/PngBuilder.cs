using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace SegPref.Media.Tests.Imaging;

/// <summary>
/// Writes PNG variants that Skia's encoder cannot produce (palette, 16-bit grey), so the decoder can be
/// tested on them. Filter type 0 on every row; one IDAT chunk.
/// </summary>
internal static class PngBuilder
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>Colour type 3: one index byte per pixel into <paramref name="palette"/>.</summary>
    public static byte[] Palette(int width, int height, byte[] indices, (byte R, byte G, byte B)[] palette)
    {
        var plte = palette.SelectMany(c => new[] { c.R, c.G, c.B }).ToArray();
        return Build(width, height, bitDepth: 8, colorType: 3, bytesPerPixel: 1, indices, ("PLTE", plte));
    }

    /// <summary>Colour type 0, 16 bits: big-endian samples.</summary>
    public static byte[] Gray16(int width, int height, ushort[] samples)
    {
        var raw = new byte[samples.Length * 2];
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(raw.AsSpan(2 * i), samples[i]);
        }

        return Build(width, height, bitDepth: 16, colorType: 0, bytesPerPixel: 2, raw);
    }

    private static byte[] Build(int width, int height, byte bitDepth, byte colorType, int bytesPerPixel, byte[] raw, params (string Type, byte[] Data)[] extra)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        (header[8], header[9]) = (bitDepth, colorType);

        var rowBytes = width * bytesPerPixel;
        using var scanlines = new MemoryStream();
        using (var z = new ZLibStream(scanlines, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                z.WriteByte(0);
                z.Write(raw, y * rowBytes, rowBytes);
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", header);
        foreach (var (type, data) in extra)
        {
            WriteChunk(png, type, data);
        }

        WriteChunk(png, "IDAT", scanlines.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream stream, string type, byte[] data)
    {
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        stream.Write(word);
        stream.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typed));
        stream.Write(word);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}

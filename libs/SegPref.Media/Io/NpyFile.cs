using System.Buffers.Binary;
using System.Text;

namespace SegPref.Media.Io;

/// <summary>Writes and reads NumPy .npy files (format 1.0, little-endian float32, C order).</summary>
public static class NpyFile
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Writes <paramref name="data"/> with the given shape as '&lt;f4'.</summary>
    public static void WriteFloat32(string path, ReadOnlySpan<float> data, ReadOnlySpan<int> shape)
    {
        long count = 1;
        foreach (var d in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(d);
            count *= d;
        }

        if (count != data.Length)
        {
            throw new ArgumentException($"Shape ({string.Join(", ", shape.ToArray())}) holds {count} values, data has {data.Length}.", nameof(shape));
        }

        var dims = shape.Length == 1 ? $"{shape[0]}," : string.Join(", ", shape.ToArray());
        var dict = $"{{'descr': '<f4', 'fortran_order': False, 'shape': ({dims}), }}";

        // Magic (6) + version (2) + header length (2) + header, padded with spaces to a multiple of 64, ending in '\n'.
        var unpadded = Magic.Length + 4 + dict.Length + 1;
        var header = dict + new string(' ', ((unpadded + 63) / 64 * 64) - unpadded) + "\n";
        using var stream = File.Create(path);
        stream.Write(Magic);
        stream.Write([1, 0]);
        Span<byte> len = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(len, (ushort)header.Length);
        stream.Write(len);
        stream.Write(Encoding.ASCII.GetBytes(header));
        var bytes = new byte[data.Length * 4];
        for (var i = 0; i < data.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), data[i]);
        }

        stream.Write(bytes);
    }

    /// <summary>Reads a little-endian float32 C-order .npy file.</summary>
    /// <exception cref="InvalidDataException">Not an .npy file, or not '&lt;f4' C-order data.</exception>
    public static (float[] Data, int[] Shape) ReadFloat32(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 10 || !bytes.AsSpan(0, 6).SequenceEqual(Magic))
        {
            throw new InvalidDataException($"{path}: not an .npy file (bad magic).");
        }

        var major = bytes[6];
        var headerLength = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)) : (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8));
        var offset = major == 1 ? 10 : 12;
        if (offset + headerLength > bytes.Length)
        {
            throw new InvalidDataException($"{path}: truncated header.");
        }

        var header = Encoding.ASCII.GetString(bytes, offset, headerLength);
        if (!header.Contains("'<f4'", StringComparison.Ordinal) || header.Contains("'fortran_order': True", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: only little-endian float32 C-order arrays are supported (header {header.Trim()}).");
        }

        var start = header.IndexOf("'shape': (", StringComparison.Ordinal) + 10;
        var end = header.IndexOf(')', start);
        var shape = header[start..end].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToArray();
        var count = shape.Aggregate(1L, (a, d) => a * d);
        var dataOffset = offset + headerLength;
        if (bytes.Length - dataOffset != count * 4)
        {
            throw new InvalidDataException($"{path}: expected {count * 4} data bytes for shape ({string.Join(", ", shape)}), found {bytes.Length - dataOffset}.");
        }

        var data = new float[count];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(dataOffset + (i * 4)));
        }

        return (data, shape);
    }
}

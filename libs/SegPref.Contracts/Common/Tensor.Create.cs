using System.Runtime.InteropServices;
using Google.Protobuf;

namespace SegPref.Contracts.Common.V1;

/// <summary>Builds <see cref="Tensor"/> messages from .NET arrays (row-major, little-endian).</summary>
public sealed partial class Tensor
{
    /// <summary>A float32 tensor of shape [rows, cols].</summary>
    public static Tensor FromFloats(float[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return FromFloatSpan(ArraySpans.Flat(values), values.GetLength(0), values.GetLength(1));
    }

    /// <summary>A float32 tensor of shape [d0, d1, d2].</summary>
    public static Tensor FromFloats(float[,,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return FromFloatSpan(
            ArraySpans.Flat(values),
            values.GetLength(0), values.GetLength(1), values.GetLength(2));
    }

    /// <summary>A float32 tensor of any shape over <paramref name="values"/> (whose length must match the shape).</summary>
    /// <exception cref="ArgumentException">The shape does not describe <paramref name="values"/>.</exception>
    public static Tensor FromFloatSpan(ReadOnlySpan<float> values, params ReadOnlySpan<long> shape)
    {
        CheckShape(values.Length, shape);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Tensor bytes are little-endian; big-endian hosts are not supported.");
        }

        var tensor = new Tensor { Dtype = DataType.Float32, Data = ByteString.CopyFrom(MemoryMarshal.AsBytes(values)) };
        tensor.Shape.AddRange(shape.ToArray());
        return tensor;
    }

    /// <summary>A bool tensor of any shape over <paramref name="values"/> (one byte per element).</summary>
    /// <exception cref="ArgumentException">The shape does not describe <paramref name="values"/>.</exception>
    public static Tensor FromBoolSpan(ReadOnlySpan<bool> values, params ReadOnlySpan<long> shape)
    {
        CheckShape(values.Length, shape);
        var tensor = new Tensor { Dtype = DataType.Bool, Data = ByteString.CopyFrom(MemoryMarshal.AsBytes(values)) };
        tensor.Shape.AddRange(shape.ToArray());
        return tensor;
    }

    /// <summary>A bool tensor of shape [rows, cols] (one byte per element).</summary>
    public static Tensor FromBools(bool[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var bytes = new byte[values.Length];
        var i = 0;
        foreach (var v in values)
        {
            bytes[i++] = v ? (byte)1 : (byte)0;
        }

        var tensor = new Tensor { Dtype = DataType.Bool, Data = ByteString.CopyFrom(bytes) };
        tensor.Shape.Add(values.GetLength(0));
        tensor.Shape.Add(values.GetLength(1));
        return tensor;
    }

    private static void CheckShape(long elements, ReadOnlySpan<long> shape)
    {
        long product = 1;
        foreach (var d in shape)
        {
            if (d < 0)
            {
                throw new ArgumentException($"Tensor dimensions must not be negative, got [{string.Join(",", shape.ToArray())}].", nameof(shape));
            }

            product *= d;
        }

        if (product != elements)
        {
            throw new ArgumentException($"Shape [{string.Join(",", shape.ToArray())}] holds {product} elements but {elements} were given.", nameof(shape));
        }
    }
}

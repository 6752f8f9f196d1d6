using System.Runtime.InteropServices;

namespace SegPref.Contracts.Common.V1;

/// <summary>Reads <see cref="Tensor"/> messages back into .NET arrays, checking dtype, rank and byte length.</summary>
public sealed partial class Tensor
{
    /// <summary>Reads a float32 tensor of rank 2.</summary>
    /// <param name="name">Field name used in error messages (e.g. "audio_embeddings").</param>
    /// <exception cref="ArgumentException">Wrong dtype, rank, or a byte length that does not match the shape.</exception>
    public float[,] ToFloats2D(string name)
    {
        var dims = CheckLayout(name, DataType.Float32, 2, sizeof(float));
        var result = new float[dims[0], dims[1]];
        MemoryMarshal.Cast<byte, float>(Data.Span).CopyTo(ArraySpans.Flat(result));
        return result;
    }

    /// <summary>Reads a float32 tensor of rank 3.</summary>
    /// <param name="name">Field name used in error messages.</param>
    /// <exception cref="ArgumentException">Wrong dtype, rank, or byte length.</exception>
    public float[,,] ToFloats3D(string name)
    {
        var dims = CheckLayout(name, DataType.Float32, 3, sizeof(float));
        var result = new float[dims[0], dims[1], dims[2]];
        MemoryMarshal.Cast<byte, float>(Data.Span).CopyTo(ArraySpans.Flat(result));
        return result;
    }

    /// <summary>Reads a float32 tensor of rank 1.</summary>
    /// <param name="name">Field name used in error messages.</param>
    /// <exception cref="ArgumentException">Wrong dtype, rank, or byte length.</exception>
    public float[] ToFloats1D(string name)
    {
        CheckLayout(name, DataType.Float32, 1, sizeof(float));
        return MemoryMarshal.Cast<byte, float>(Data.Span).ToArray();
    }

    /// <summary>Reads a bool tensor of rank 2.</summary>
    /// <param name="name">Field name used in error messages.</param>
    /// <exception cref="ArgumentException">Wrong dtype, rank, or byte length.</exception>
    public bool[,] ToBools2D(string name)
    {
        var dims = CheckLayout(name, DataType.Bool, 2, 1);
        var result = new bool[dims[0], dims[1]];
        var bytes = Data.Span;
        for (var i = 0; i < dims[0]; i++)
        {
            for (var j = 0; j < dims[1]; j++)
            {
                result[i, j] = bytes[(i * dims[1]) + j] != 0;
            }
        }

        return result;
    }

    /// <summary>Reads a float32 tensor of rank <paramref name="rank"/> as flat row-major values and its dimensions.</summary>
    /// <param name="name">Field name used in error messages.</param>
    /// <param name="rank">The rank it must have.</param>
    /// <exception cref="ArgumentException">Wrong dtype, rank, or byte length.</exception>
    public (float[] Values, int[] Shape) ToFlatFloats(string name, int rank)
    {
        var dims = CheckLayout(name, DataType.Float32, rank, sizeof(float));
        return (MemoryMarshal.Cast<byte, float>(Data.Span).ToArray(), dims);
    }

    /// <summary>Reads a bool tensor of rank <paramref name="rank"/> as flat row-major values and its dimensions.</summary>
    /// <param name="name">Field name used in error messages.</param>
    /// <param name="rank">The rank it must have.</param>
    /// <exception cref="ArgumentException">Wrong dtype, rank, or byte length.</exception>
    public (bool[] Values, int[] Shape) ToFlatBools(string name, int rank)
    {
        var dims = CheckLayout(name, DataType.Bool, rank, 1);
        var bytes = Data.Span;
        var values = new bool[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            values[i] = bytes[i] != 0;
        }

        return (values, dims);
    }

    /// <summary>The shape as text, e.g. "[5,128]".</summary>
    public string ShapeText => $"[{string.Join(",", Shape)}]";

    private int[] CheckLayout(string name, DataType dtype, int rank, int elementSize)
    {
        if (Dtype != dtype)
        {
            throw new ArgumentException($"{name}: expected dtype {dtype}, got {Dtype}.", name);
        }

        if (Shape.Count != rank)
        {
            throw new ArgumentException($"{name}: expected a rank-{rank} tensor, got shape {ShapeText}.", name);
        }

        // Int128: three dimensions of up to 2^31 each cannot wrap around (a long product of [2^30, 2^30, 4] floats
        // wraps to 0 bytes and would pass the length check).
        var dims = new int[rank];
        Int128 elements = 1;
        for (var i = 0; i < rank; i++)
        {
            if (Shape[i] < 0 || Shape[i] > int.MaxValue)
            {
                throw new ArgumentException($"{name}: dimension {i} of shape {ShapeText} is out of range.", name);
            }

            dims[i] = (int)Shape[i];
            elements *= dims[i];
        }

        if (elements * elementSize != Data.Length)
        {
            throw new ArgumentException($"{name}: shape {ShapeText} needs {elements * elementSize} bytes of {dtype}, got {Data.Length}.", name);
        }

        return dims;
    }
}

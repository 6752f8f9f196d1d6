using Microsoft.ML.OnnxRuntime;

namespace SegPref.Inference.Onnx;

/// <summary>A named graph input or output over a flat row-major managed array (float, long or bool) and its shape.</summary>
/// <param name="Name">Tensor name in the graph.</param>
/// <param name="Data">float[], long[] or bool[] holding exactly the shape's element count.</param>
/// <param name="Shape">Dimensions.</param>
public sealed record FlatTensor(string Name, Array Data, long[] Shape)
{
    /// <summary>An OrtValue that pins <see cref="Data"/> (the caller disposes it).</summary>
    /// <exception cref="ArgumentException">The data's length does not match the shape, or an unsupported element type.</exception>
    public OrtValue ToOrtValue()
    {
        var elements = Shape.Aggregate(1L, (a, b) => a * b);
        if (Data.Length != elements)
        {
            throw new ArgumentException($"{Name}: {Data.Length} values for shape [{string.Join(",", Shape)}] ({elements} needed).", nameof(Data));
        }

        return Data switch
        {
            float[] f => OrtValue.CreateTensorValueFromMemory(f, Shape),
            long[] l => OrtValue.CreateTensorValueFromMemory(l, Shape),
            bool[] b => OrtValue.CreateTensorValueFromMemory(b, Shape),
            _ => throw new ArgumentException($"{Name}: unsupported element type {Data.GetType().Name}.", nameof(Data)),
        };
    }
}

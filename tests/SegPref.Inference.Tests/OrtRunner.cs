using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace SegPref.Inference.Tests;

/// <summary>Runs a serialized ONNX model once on CPU and returns its outputs as flat float arrays.</summary>
internal sealed class OrtRunner : IDisposable
{
    private readonly InferenceSession _session;

    public OrtRunner(byte[] model)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        _session = new InferenceSession(model, options);
    }

    public InferenceSession Session => _session;

    public Dictionary<string, float[]> Run(params NamedOnnxValue[] inputs)
    {
        using var results = _session.Run(inputs);
        return results.ToDictionary(r => r.Name, r => r.AsTensor<float>().ToArray());
    }

    public static NamedOnnxValue Float(string name, float[] data, params int[] shape) =>
        NamedOnnxValue.CreateFromTensor(name, new DenseTensor<float>(data, shape));

    public static NamedOnnxValue Bool(string name, bool[] data, params int[] shape) =>
        NamedOnnxValue.CreateFromTensor(name, new DenseTensor<bool>(data, shape));

    public static NamedOnnxValue Int64(string name, long[] data, params int[] shape) =>
        NamedOnnxValue.CreateFromTensor(name, new DenseTensor<long>(data, shape));

    public void Dispose() => _session.Dispose();
}

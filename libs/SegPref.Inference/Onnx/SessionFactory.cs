using Microsoft.ML.OnnxRuntime;

namespace SegPref.Inference.Onnx;

/// <summary>Creates ONNX Runtime sessions with the provider and threads of <see cref="InferenceOptions"/>.</summary>
internal static class SessionFactory
{
    private const string CudaProvider = "CUDAExecutionProvider";

    /// <summary>A session over <paramref name="modelPath"/> and the provider it got ("CUDA" or "CPU").</summary>
    /// <exception cref="InvalidOperationException">CUDA was asked for and cannot be used.</exception>
    /// <exception cref="InvalidDataException">The file is not a model ONNX Runtime can load.</exception>
    public static (InferenceSession Session, string Provider) Create(string modelPath, InferenceOptions options)
    {
        options.Validate();
        var cudaListed = OrtEnv.Instance().GetAvailableProviders().Contains(CudaProvider);
        if (options.Provider == ExecutionProvider.Cuda && !cudaListed)
        {
            throw new InvalidOperationException($"{modelPath}: this ONNX Runtime build has no CUDA execution provider.");
        }

        if (options.Provider != ExecutionProvider.Cpu && cudaListed)
        {
            try
            {
                return (Load(modelPath, options, cuda: true), "CUDA");
            }
            catch (OnnxRuntimeException ex) when (options.Provider == ExecutionProvider.Auto && !IsModelError(ex))
            {
                // No usable GPU here: Auto falls back to the CPU provider.
            }
            catch (Exception ex) when (options.Provider == ExecutionProvider.Cuda && ex is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
            {
                throw new InvalidOperationException($"{modelPath}: the CUDA execution provider is not usable on this machine: {ex.Message}", ex);
            }
        }

        return (Load(modelPath, options, cuda: false), "CPU");
    }

    private static InferenceSession Load(string modelPath, InferenceOptions options, bool cuda)
    {
        using var so = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = options.InterOpThreads,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        if (!options.AllowSpinning)
        {
            so.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
            so.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
        }

        if (cuda)
        {
            so.AppendExecutionProvider_CUDA(0);
        }

        try
        {
            return new InferenceSession(modelPath, so);
        }
        catch (OnnxRuntimeException ex) when (IsModelError(ex))
        {
            throw new InvalidDataException($"{modelPath}: ONNX Runtime cannot load the model: {ex.Message}", ex);
        }
    }

    private static bool IsModelError(OnnxRuntimeException ex) => ex.Message.Contains("INVALID_PROTOBUF", StringComparison.Ordinal)
        || ex.Message.Contains("INVALID_GRAPH", StringComparison.Ordinal)
        || ex.Message.Contains("NO_SUCHFILE", StringComparison.Ordinal);
}

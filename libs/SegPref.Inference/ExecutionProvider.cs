namespace SegPref.Inference;

/// <summary>Where ONNX Runtime runs a model.</summary>
public enum ExecutionProvider
{
    /// <summary>CUDA when the CUDA provider loads on this machine, otherwise CPU.</summary>
    Auto,

    /// <summary>The CPU provider.</summary>
    Cpu,

    /// <summary>The CUDA provider (device 0); opening fails when it cannot load.</summary>
    Cuda,
}

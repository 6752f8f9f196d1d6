namespace SegPref.Inference.Abstractions;

/// <summary>One segmenter call's outputs, row-major.</summary>
/// <param name="Logits">Map logits [T,S,S].</param>
/// <param name="AudioSupport">Per-frame audio support [T] in [0, 1] when the graph has it, else null.</param>
public sealed record SegmenterOutput(float[] Logits, float[]? AudioSupport);

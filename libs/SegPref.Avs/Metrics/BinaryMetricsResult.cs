namespace SegPref.Avs.Metrics;

/// <summary>Binary AVS scores over an evaluation run.</summary>
/// <param name="MIoU">Mean over batches of the batch Jaccard (in [0, 1]; papers print it x100).</param>
/// <param name="FScore">Mean over batches of the batch F-measure (in [0, 1]).</param>
/// <param name="Frames">Frames evaluated, including those with empty ground truth.</param>
/// <param name="Batches">Batches evaluated.</param>
public sealed record BinaryMetricsResult(double MIoU, double FScore, int Frames, int Batches);

namespace SegPref.Avs.Metrics;

/// <summary>AVSS semantic scores over an evaluation run.</summary>
/// <param name="MIoU">Mean of <paramref name="ClassIoU"/> over all 71 classes, background included.</param>
/// <param name="FScore">Mean of <paramref name="ClassF"/> over all 71 classes.</param>
/// <param name="ClassIoU">Per class: mean IoU over the frames where the class occurs in prediction or ground truth; 0 when it never occurs.</param>
/// <param name="ClassF">Per class: summed per-frame F divided by the same frame count; 0 when it never occurs.</param>
/// <param name="ClassFrames">Per class: frames where the class occurs in prediction or ground truth.</param>
/// <param name="Frames">Frames evaluated.</param>
public sealed record SemanticMetricsResult(
    double MIoU,
    double FScore,
    IReadOnlyList<double> ClassIoU,
    IReadOnlyList<double> ClassF,
    IReadOnlyList<int> ClassFrames,
    int Frames);

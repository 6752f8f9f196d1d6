namespace SegPref.Models.Segmentation.Training;

/// <summary>What a training run reached.</summary>
/// <param name="BestVal">Validation scores of the best epoch (the weights in weights.bin).</param>
/// <param name="BestEpoch">That epoch.</param>
/// <param name="Epochs">Epochs completed (including those before a resume).</param>
/// <param name="Steps">Optimisation steps (including those before a resume).</param>
/// <param name="History">Per-epoch metrics.</param>
/// <param name="StopReason">Why training stopped early (cancelled), or null.</param>
public sealed record SegmentationTrainingResult(
    SegmentationScores BestVal, int BestEpoch, int Epochs, long Steps, IReadOnlyList<IReadOnlyDictionary<string, double>> History, string? StopReason);

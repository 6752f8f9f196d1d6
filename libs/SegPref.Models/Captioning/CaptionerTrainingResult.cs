using SegPref.Models.Training;

namespace SegPref.Models.Captioning;

/// <summary>What <see cref="CaptionerTrainer.Train"/> produced.</summary>
/// <param name="RunDir">The run folder (config.json, vocab.json, weights, metrics.json, curves.png, samples, training state).</param>
/// <param name="BestEpoch">The epoch whose weights were kept (best validation BLEU-4, greedy).</param>
/// <param name="TrainSeconds">Wall time of data loading + training + per-epoch validation.</param>
/// <param name="TestGreedy">Test figures, greedy decoding (null when training was cancelled).</param>
/// <param name="TestBeam">Test figures, beam search (null when training was cancelled).</param>
/// <param name="History">Per-epoch metrics (resumed epochs included).</param>
/// <param name="StopReason">Why training stopped early (cancelled: a resume restarts that epoch), or null.</param>
public sealed record CaptionerTrainingResult(
    string RunDir,
    int BestEpoch,
    double TrainSeconds,
    CaptionScores? TestGreedy,
    CaptionScores? TestBeam,
    TrainingHistory History,
    string? StopReason);

using SegPref.Models.Training;

namespace SegPref.Models.Captioning;

/// <summary>What <see cref="CaptionerTrainer.Train"/> produced.</summary>
/// <param name="RunDir">The run folder (config.json, vocab.json, weights, metrics.json, curves.png, samples).</param>
/// <param name="BestEpoch">The epoch whose weights were kept (best validation BLEU-4, greedy).</param>
/// <param name="TrainSeconds">Wall time of data loading + training + per-epoch validation.</param>
/// <param name="TestGreedy">Test figures, greedy decoding.</param>
/// <param name="TestBeam">Test figures, beam search.</param>
/// <param name="History">Per-epoch metrics.</param>
public sealed record CaptionerTrainingResult(
    string RunDir,
    int BestEpoch,
    double TrainSeconds,
    CaptionScores TestGreedy,
    CaptionScores TestBeam,
    TrainingHistory History);

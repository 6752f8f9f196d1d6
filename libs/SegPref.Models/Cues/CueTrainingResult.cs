using SegPref.Models.Training;

namespace SegPref.Models.Cues;

/// <summary>What <see cref="CueEncoderTrainer.Train"/> returns; the caller owns (and disposes) <see cref="Model"/>.</summary>
/// <param name="Model">The encoder of the best epoch (weights.bin), in eval mode.</param>
/// <param name="History">Per-epoch train_loss and, with a validation set, val_a2t_top1 / val_t2a_rprec (resumed epochs included).</param>
/// <param name="BestEpoch">The epoch <paramref name="Model"/> holds (0 when no epoch completed).</param>
/// <param name="Steps">Optimizer steps taken (including those before a resume).</param>
/// <param name="StopReason">Why training stopped early (cancelled: a resume restarts that epoch), or null.</param>
public sealed record CueTrainingResult(CueEncoder Model, TrainingHistory History, int BestEpoch, long Steps, string? StopReason);

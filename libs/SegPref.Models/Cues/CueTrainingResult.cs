using SegPref.Models.Training;

namespace SegPref.Models.Cues;

/// <summary>What <see cref="CueEncoderTrainer.Train"/> returns; the caller owns (and disposes) <see cref="Model"/>.</summary>
/// <param name="Model">The trained encoder, in eval mode.</param>
/// <param name="History">Per-epoch train_loss and, with a validation set, val_a2t_top1 / val_t2a_rprec.</param>
/// <param name="Steps">Optimizer steps taken.</param>
/// <param name="StopReason">Why training stopped early (non-finite loss), or null.</param>
public sealed record CueTrainingResult(CueEncoder Model, TrainingHistory History, int Steps, string? StopReason);

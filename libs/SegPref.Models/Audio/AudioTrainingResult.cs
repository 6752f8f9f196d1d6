using SegPref.Models.Training;

namespace SegPref.Models.Audio;

/// <summary>Outcome of <see cref="AudioTrainer.Train"/>: the tagger holds the best validation epoch's weights.</summary>
/// <param name="Model">The trained tagger (caller disposes).</param>
/// <param name="History">Per-epoch train_loss and val_map (resumed epochs included).</param>
/// <param name="BestEpoch">The epoch whose weights <paramref name="Model"/> holds (0 if none finished).</param>
/// <param name="BestValMap">Validation mAP of that epoch.</param>
/// <param name="Steps">Optimiser steps taken (including those before a resume).</param>
/// <param name="StopReason">Why training stopped early (cancelled: a resume restarts that epoch), or null.</param>
public sealed record AudioTrainingResult(
    AudioTagger Model, TrainingHistory History, int BestEpoch, double BestValMap, long Steps, string? StopReason);

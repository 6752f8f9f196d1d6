using SegPref.Models.Training;

namespace SegPref.Models.Audio;

/// <summary>Outcome of <see cref="AudioTrainer.Train"/>: the tagger holds the best validation epoch's weights.</summary>
/// <param name="Model">The trained tagger (caller disposes).</param>
/// <param name="History">Per-epoch train_loss and val_map.</param>
/// <param name="BestEpoch">The epoch whose weights <paramref name="Model"/> holds (0 if none finished).</param>
/// <param name="BestValMap">Validation mAP of that epoch.</param>
/// <param name="Steps">Optimiser steps taken.</param>
/// <param name="StopReason">Why training stopped early (a non-finite loss, at which step), or null.</param>
public sealed record AudioTrainingResult(
    AudioTagger Model, TrainingHistory History, int BestEpoch, double BestValMap, int Steps, string? StopReason);

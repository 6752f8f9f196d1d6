namespace SegPref.Models.Training;

/// <summary>What a run reached, resumed epochs included.</summary>
/// <param name="BestEpoch">The epoch in the best checkpoint (0 = no epoch completed).</param>
/// <param name="BestVal">Its validation scores (default when <paramref name="BestEpoch"/> is 0).</param>
/// <param name="Epochs">Completed epochs.</param>
/// <param name="Steps">Optimisation steps.</param>
/// <param name="History">Per-epoch metrics.</param>
/// <param name="StopReason">Why training stopped before <see cref="EpochLoopOptions.Epochs"/> (cancelled), or null.</param>
internal sealed record EpochLoopResult<TScores>(int BestEpoch, TScores? BestVal, int Epochs, long Steps, TrainingHistory History, string? StopReason);

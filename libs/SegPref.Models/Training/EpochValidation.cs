namespace SegPref.Models.Training;

/// <summary>A trainer's validation after one epoch.</summary>
/// <param name="Scores">Its scores, as its callers use them.</param>
/// <param name="Metrics">The same as named numbers for the history (e.g. val_miou); the loop's figure is one of them.</param>
internal sealed record EpochValidation<TScores>(TScores Scores, IReadOnlyDictionary<string, double> Metrics);

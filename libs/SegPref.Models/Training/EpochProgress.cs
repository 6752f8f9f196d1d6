namespace SegPref.Models.Training;

/// <summary>Progress of the <see cref="EpochLoop"/>: after every step (Validation null) and after each epoch's validation.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Epochs">Epochs planned.</param>
/// <param name="Step">Steps done in the epoch.</param>
/// <param name="Steps">Steps per epoch.</param>
/// <param name="Loss">Mean training loss of the epoch so far.</param>
/// <param name="Validation">The epoch's validation (null during the epoch).</param>
/// <param name="IsBest">Whether the epoch became the best checkpoint.</param>
/// <param name="Elapsed">Wall time since this process started the loop.</param>
internal sealed record EpochProgress<TScores>(int Epoch, int Epochs, int Step, int Steps, double Loss, EpochValidation<TScores>? Validation, bool IsBest, TimeSpan Elapsed);

namespace SegPref.Models.Cues;

/// <summary>One finished epoch of cue-encoder training.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Epochs">Epochs planned.</param>
/// <param name="TrainLoss">Mean InfoNCE loss over the epoch's steps.</param>
/// <param name="Val">Retrieval scores on the validation seconds, when a validation set was given.</param>
/// <param name="Elapsed">Training time so far.</param>
public sealed record CueEpochProgress(int Epoch, int Epochs, double TrainLoss, CueRetrievalScores? Val, TimeSpan Elapsed);

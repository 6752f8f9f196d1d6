namespace SegPref.Models.Audio;

/// <summary>What a training run reports after each epoch.</summary>
/// <param name="Epoch">1-based epoch just finished.</param>
/// <param name="Epochs">Epochs planned.</param>
/// <param name="TrainLoss">Mean training BCE of the epoch.</param>
/// <param name="ValMap">Validation tagging mAP after the epoch.</param>
/// <param name="IsBest">Whether this epoch is the best so far (its weights are kept).</param>
/// <param name="Elapsed">Time since training started.</param>
public sealed record AudioTrainingProgress(int Epoch, int Epochs, double TrainLoss, double ValMap, bool IsBest, TimeSpan Elapsed);

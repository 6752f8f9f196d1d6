namespace SegPref.Models.Captioning;

/// <summary>Figures of one training epoch, reported as it ends.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Epochs">Total epochs.</param>
/// <param name="TrainLoss">Mean training loss (label-smoothed cross-entropy per token).</param>
/// <param name="ValLoss">Validation cross-entropy per token (teacher forcing, no smoothing).</param>
/// <param name="ValScores">Greedy decoding figures on the first validation frames.</param>
/// <param name="Seconds">Wall time since training started.</param>
/// <param name="Best">Whether this epoch is the best so far (its weights were saved).</param>
public sealed record CaptionerEpochReport(int Epoch, int Epochs, double TrainLoss, double ValLoss, CaptionScores ValScores, double Seconds, bool Best);

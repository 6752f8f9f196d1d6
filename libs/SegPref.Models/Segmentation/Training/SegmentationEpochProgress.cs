namespace SegPref.Models.Segmentation.Training;

/// <summary>Training progress: reported after every step (Val null) and after each epoch's validation.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Epochs">Total epochs.</param>
/// <param name="Step">Step within the epoch.</param>
/// <param name="Steps">Steps per epoch.</param>
/// <param name="Loss">Mean training loss of the epoch so far.</param>
/// <param name="Val">Validation scores at the end of the epoch (null during the epoch).</param>
/// <param name="Elapsed">Wall time since this process started training.</param>
public sealed record SegmentationEpochProgress(int Epoch, int Epochs, int Step, int Steps, double Loss, SegmentationScores? Val, TimeSpan Elapsed);

namespace SegPref.Models.Segmentation.Training;

/// <summary>
/// One batch of an external predictor's output: each frame's foreground probabilities [S*S] and, when the predictor
/// computes it, each frame's audio reliance (SegPref.Media.Masks.AudioReliance).
/// </summary>
/// <param name="Probabilities">Per frame of the batch, its foreground probabilities.</param>
/// <param name="Reliance">Per frame of the batch, its audio reliance; null when not computed.</param>
public sealed record SplitPrediction(float[][] Probabilities, IReadOnlyList<double>? Reliance);

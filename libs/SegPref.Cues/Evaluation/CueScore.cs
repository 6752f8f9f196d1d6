namespace SegPref.Cues.Evaluation;

/// <summary>Micro-averaged agreement of predicted and true cue sets.</summary>
/// <param name="Precision">TP / (TP + FP).</param>
/// <param name="Recall">TP / (TP + FN).</param>
/// <param name="F1">Harmonic mean of precision and recall.</param>
/// <param name="TruePositives">Cues in both sets, summed over frames.</param>
/// <param name="FalsePositives">Predicted cues not in the truth.</param>
/// <param name="FalseNegatives">True cues not predicted.</param>
/// <param name="Frames">Number of (predicted, truth) pairs scored.</param>
public sealed record CueScore(double Precision, double Recall, double F1, int TruePositives, int FalsePositives, int FalseNegatives, int Frames);

namespace SegPref.Models.Segmentation.Training;

/// <summary>Run folders of the frozen encoders.</summary>
/// <param name="Audio">A train-audio run.</param>
/// <param name="Cues">A train-cues run (trained against that audio encoder).</param>
/// <param name="Captioner">A train-captioner run; null when cues come from the ground truth.</param>
public sealed record EncoderRunPaths(string Audio, string Cues, string? Captioner);

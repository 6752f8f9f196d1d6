namespace SegPref.Models.Segmentation.Training;

/// <summary>Every frame's cue slots, their embeddings and validity.</summary>
/// <param name="Slots">Cue words per frame ("None"-padded to 4).</param>
/// <param name="Descriptions">What the captioner said per frame (null for ground-truth cues).</param>
/// <param name="Vectors">Embeddings [N,4,D].</param>
/// <param name="Valid">Validity [N,4].</param>
/// <param name="Dim">D.</param>
public sealed record CueInputs(string[][] Slots, string[]? Descriptions, float[] Vectors, bool[] Valid, int Dim);

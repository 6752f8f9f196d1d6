namespace SegPref.Inference.Abstractions;

/// <summary>Cue slot embeddings of n frames, row-major.</summary>
/// <param name="Vectors">[n, slots, D].</param>
/// <param name="Valid">[n, slots].</param>
public sealed record CueEmbeddings(float[] Vectors, bool[] Valid);

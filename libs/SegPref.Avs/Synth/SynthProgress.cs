namespace SegPref.Avs.Synth;

/// <summary>Generation progress: clips written so far over all splits.</summary>
/// <param name="ClipsDone">Clips written so far.</param>
/// <param name="ClipsTotal">Clips in all splits.</param>
/// <param name="Split">The split being generated.</param>
public readonly record struct SynthProgress(int ClipsDone, int ClipsTotal, string Split);

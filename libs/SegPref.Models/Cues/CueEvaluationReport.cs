using SegPref.Cues.Evaluation;

namespace SegPref.Models.Cues;

/// <summary>Cue extraction scored against AVS-Synth's ground-truth cues.</summary>
/// <param name="Split">The split scored.</param>
/// <param name="Backend">The extractor's backend name.</param>
/// <param name="OnTruth">Cues extracted from the ground-truth descriptions.</param>
/// <param name="OnCaptions">Cues extracted from the captioner's descriptions of the frames, when a captioner was given.</param>
/// <param name="Examples">A few (ground-truth description, caption or null, predicted cues on the caption or truth) for people.</param>
public sealed record CueEvaluationReport(
    string Split, string Backend, CueScore OnTruth, CueScore? OnCaptions, IReadOnlyList<(string Description, string? Caption, string Cues)> Examples);

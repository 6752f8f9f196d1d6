namespace SegPref.Models.Cues;

/// <summary>One AVS-Synth frame with what cue extraction is scored against.</summary>
/// <param name="FramePath">The frame image.</param>
/// <param name="Description">The ground-truth scene description (synth.json).</param>
/// <param name="Cues">The ground-truth cues, "None"-padded to 4 (synth.json).</param>
public sealed record CueFrame(string FramePath, string Description, string[] Cues);

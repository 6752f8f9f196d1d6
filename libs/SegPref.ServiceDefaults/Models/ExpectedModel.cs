namespace SegPref.ServiceDefaults.Models;

/// <summary>A model role the process must warm up before it reports SERVING.</summary>
/// <param name="Role">"captioner", "cue-encoder", "audio-encoder", "segmenter".</param>
public sealed record ExpectedModel(string Role);

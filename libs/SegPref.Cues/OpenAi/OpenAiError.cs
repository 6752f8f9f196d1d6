namespace SegPref.Cues.OpenAi;

/// <summary>The "error" object of an OpenAI error body.</summary>
internal sealed record OpenAiError(string? Message, string? Type);

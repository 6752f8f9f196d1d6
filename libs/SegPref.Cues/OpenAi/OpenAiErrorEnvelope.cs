namespace SegPref.Cues.OpenAi;

/// <summary>The OpenAI error body: {"error": {"message": "...", "type": "..."}}.</summary>
internal sealed record OpenAiErrorEnvelope(OpenAiError? Error);

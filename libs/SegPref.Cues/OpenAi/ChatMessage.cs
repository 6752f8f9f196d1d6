namespace SegPref.Cues.OpenAi;

/// <summary>One chat message on the wire ({"role": "user", "content": "..."}).</summary>
internal sealed record ChatMessage(string Role, string? Content);

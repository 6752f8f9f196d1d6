namespace SegPref.Cues.OpenAi;

/// <summary>One choice of a chat-completions reply.</summary>
internal sealed record ChatChoice(ChatMessage? Message, string? FinishReason);

namespace SegPref.Cues.OpenAi;

/// <summary>The parts of a chat-completions reply this client reads; other fields (id, usage) are ignored.</summary>
internal sealed record ChatCompletionResponse(IReadOnlyList<ChatChoice>? Choices);

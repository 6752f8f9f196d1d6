namespace SegPref.Cues.OpenAi;

/// <summary>POST /v1/chat/completions body (snake_case on the wire: max_tokens).</summary>
internal sealed record ChatCompletionRequest(string Model, IReadOnlyList<ChatMessage> Messages, double Temperature, int MaxTokens);

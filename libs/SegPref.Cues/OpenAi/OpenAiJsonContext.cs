using System.Text.Json.Serialization;

namespace SegPref.Cues.OpenAi;

/// <summary>Source-generated JSON for the chat-completions wire types (snake_case, nulls omitted).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChatCompletionRequest))]
[JsonSerializable(typeof(ChatCompletionResponse))]
[JsonSerializable(typeof(OpenAiErrorEnvelope))]
internal sealed partial class OpenAiJsonContext : JsonSerializerContext;

using System.Text.Json;

namespace SegPref.Cues.OpenAi;

/// <summary>Turns chat-completions HTTP bodies into the message text or a <see cref="CueBackendException"/>.</summary>
internal static class ChatReplies
{
    private const int MaxBodyInMessage = 300;

    public static string? Content(string body, Uri endpoint)
    {
        ChatCompletionResponse? reply;
        try
        {
            reply = JsonSerializer.Deserialize(body, OpenAiJsonContext.Default.ChatCompletionResponse);
        }
        catch (JsonException e)
        {
            throw new CueBackendException(CueBackendFailure.MalformedReply, $"Chat completions at {endpoint} answered non-JSON: '{Clip(body)}'.", e);
        }

        if (reply?.Choices is not { Count: > 0 } choices)
        {
            throw new CueBackendException(CueBackendFailure.MalformedReply, $"Chat completions at {endpoint} answered without choices: '{Clip(body)}'.");
        }

        return choices[0].Message?.Content;
    }

    public static CueBackendException HttpError(HttpResponseMessage response, string body, Uri endpoint)
    {
        var status = (int)response.StatusCode;
        var error = TryReadError(body);
        var detail = error?.Message ?? (body.Length > 0 ? Clip(body) : response.ReasonPhrase ?? "no body");
        return new CueBackendException(CueBackendFailure.HttpError, $"Chat completions at {endpoint} answered HTTP {status}: {detail}")
        {
            StatusCode = status,
            ServerMessage = error?.Message,
            ServerErrorType = error?.Type,
        };
    }

    private static OpenAiError? TryReadError(string body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, OpenAiJsonContext.Default.OpenAiErrorEnvelope)?.Error;
        }
        catch (JsonException)
        {
            return null; // a proxy's HTML error page, for instance; the raw body goes into the message instead
        }
    }

    private static string Clip(string body) => body.Length <= MaxBodyInMessage ? body : body[..MaxBodyInMessage] + "...";
}

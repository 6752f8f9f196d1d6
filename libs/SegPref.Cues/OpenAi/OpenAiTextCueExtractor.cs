using System.Net.Http.Headers;
using System.Net.Http.Json;
using SegPref.Cues.Lexicon;
using SegPref.Cues.Prompts;

namespace SegPref.Cues.OpenAi;

/// <summary>Asks an OpenAI-compatible chat-completions server (vLLM, Ollama, llama.cpp server) for the potential
/// sounding objects with the chain-of-thought prompt, and parses the list at the end of its answer.</summary>
public sealed class OpenAiTextCueExtractor : ITextCueExtractor, IDisposable
{
    /// <summary>The backend name used in options and replies.</summary>
    public const string Name = "openai";

    private readonly OpenAiCueOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Uri _endpoint;
    private readonly PromptTemplate _template;
    private readonly CueReplyParser _parser;

    /// <summary>Creates the client after validating the options.</summary>
    /// <param name="options">Server, model and limits.</param>
    /// <param name="httpClient">A shared client (e.g. from IHttpClientFactory); one is created and owned when null.
    /// Its own Timeout should not be shorter than <see cref="OpenAiCueOptions.Timeout"/>.</param>
    /// <param name="lexicon">Maps the LLM's words to AVSS names; <see cref="CueLexicon.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public OpenAiTextCueExtractor(OpenAiCueOptions options, HttpClient? httpClient = null, CueLexicon? lexicon = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _endpoint = options.ChatCompletionsUri();
        _template = options.PromptTemplatePath is null ? PromptTemplate.Default : PromptTemplate.Load(options.PromptTemplatePath);
        _parser = new CueReplyParser(lexicon);
        _ownsHttp = httpClient is null;

        // The per-request timeout below is the one that counts; an owned client must not cut in first.
        _http = httpClient ?? new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    /// <inheritdoc />
    public string BackendName => Name;

    /// <inheritdoc />
    public async Task<TextCues> ExtractAsync(string description, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(description);
        var content = await CompleteAsync(_template.Render(description), ct);
        return _parser.Parse(content).ToTextCues();
    }

    /// <summary>Sends the prompt and returns choices[0].message.content.</summary>
    internal async Task<string?> CompleteAsync(RenderedPrompt prompt, CancellationToken ct)
    {
        var body = new ChatCompletionRequest(
            _options.Model,
            [new ChatMessage("system", prompt.System), new ChatMessage("user", prompt.User)],
            _options.Temperature,
            _options.MaxTokens);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
            {
                Content = JsonContent.Create(body, OpenAiJsonContext.Default.ChatCompletionRequest),
            };
            if (!string.IsNullOrEmpty(_options.ApiKey))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
            }

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            return response.IsSuccessStatusCode
                ? ChatReplies.Content(text, _endpoint)
                : throw ChatReplies.HttpError(response, text, _endpoint);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new CueBackendException(
                CueBackendFailure.Timeout,
                $"Chat completions at {_endpoint} timed out after {_options.Timeout.TotalSeconds:0.###} s (model '{_options.Model}').",
                e);
        }
        catch (HttpRequestException e)
        {
            throw new CueBackendException(CueBackendFailure.Unreachable, $"Chat completions at {_endpoint} is unreachable: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }
}

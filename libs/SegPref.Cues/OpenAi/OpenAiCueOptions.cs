namespace SegPref.Cues.OpenAi;

/// <summary>Settings of the OpenAI-compatible chat-completions backend (vLLM, Ollama, llama.cpp server).</summary>
public sealed record OpenAiCueOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "TextCues:OpenAi";

    /// <summary>Server root, with or without the /v1 suffix ("http://127.0.0.1:8000" and ".../v1" both work).</summary>
    public string BaseUrl { get; init; } = "http://127.0.0.1:8000";

    /// <summary>Model name as the server knows it (e.g. "Qwen/Qwen2.5-7B-Instruct", "llama3.1:8b").</summary>
    public string Model { get; init; } = string.Empty;

    /// <summary>Sent as "Authorization: Bearer ..." when set; local servers usually need none.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Whole-request timeout (connect, generate, read).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Generation budget; the reasoning comes before the list, so leave room for it.</summary>
    public int MaxTokens { get; init; } = 512;

    /// <summary>Sampling temperature; 0 makes cues repeatable.</summary>
    public double Temperature { get; init; }

    /// <summary>A prompt template file to use instead of the embedded one (same format).</summary>
    public string? PromptTemplatePath { get; init; }

    /// <summary>Checks every setting and reports all problems at once.</summary>
    /// <exception cref="ArgumentException">One or more settings are invalid.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"BaseUrl '{BaseUrl}' is not an absolute http(s) URL");
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            problems.Add("Model is empty");
        }

        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(30))
        {
            problems.Add($"Timeout {Timeout} must be above 0 and at most 30 minutes");
        }

        if (MaxTokens is < 16 or > 32768)
        {
            problems.Add($"MaxTokens {MaxTokens} must be within 16..32768");
        }

        if (!double.IsFinite(Temperature) || Temperature is < 0 or > 2)
        {
            problems.Add($"Temperature {Temperature} must be within 0..2");
        }

        if (PromptTemplatePath is not null && !File.Exists(PromptTemplatePath))
        {
            problems.Add($"PromptTemplatePath '{PromptTemplatePath}' does not exist");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid {nameof(OpenAiCueOptions)}: {string.Join("; ", problems)}.");
        }
    }

    /// <summary>The chat-completions endpoint: BaseUrl + "/v1/chat/completions", or + "/chat/completions" when BaseUrl already ends in /v1.</summary>
    public Uri ChatCompletionsUri()
    {
        var root = BaseUrl.TrimEnd('/');
        if (root.EndsWith("/chat/completions", StringComparison.OrdinalIgnoreCase))
        {
            return new Uri(root);
        }

        return new Uri(root.EndsWith("/v1", StringComparison.OrdinalIgnoreCase) ? root + "/chat/completions" : root + "/v1/chat/completions");
    }
}

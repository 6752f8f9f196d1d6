using SegPref.Cues.OpenAi;

namespace SegPref.Cues.Tests.OpenAi;

public sealed class OpenAiCueOptionsTests
{
    private static readonly OpenAiCueOptions Valid = new() { BaseUrl = "http://llm:8000", Model = "qwen" };

    [Theory]
    [InlineData("http://llm:8000", "http://llm:8000/v1/chat/completions")]
    [InlineData("http://llm:8000/", "http://llm:8000/v1/chat/completions")]
    [InlineData("http://llm:8000/v1", "http://llm:8000/v1/chat/completions")]
    [InlineData("http://llm:8000/v1/", "http://llm:8000/v1/chat/completions")]
    [InlineData("https://gw.example/llm/v1/chat/completions", "https://gw.example/llm/v1/chat/completions")]
    [InlineData("http://localhost:11434/api", "http://localhost:11434/api/v1/chat/completions")]
    public void ChatCompletionsUri_BaseUrlForms_AppendsMissingParts(string baseUrl, string expected) =>
        Assert.Equal(new Uri(expected), (Valid with { BaseUrl = baseUrl }).ChatCompletionsUri());

    [Fact]
    public void Validate_Defaults_WithModel_Passes()
    {
        var options = new OpenAiCueOptions { Model = "qwen" };

        options.Validate();

        Assert.Equal(0, options.Temperature);
    }

    [Fact]
    public void Validate_ManyProblems_ReportsAllAtOnce()
    {
        var bad = Valid with { BaseUrl = "ftp://x", Model = " ", Timeout = TimeSpan.Zero, MaxTokens = 1, Temperature = 3 };

        var e = Assert.Throws<ArgumentException>(bad.Validate);

        foreach (var part in new[] { "BaseUrl 'ftp://x'", "Model is empty", "Timeout", "MaxTokens 1", "Temperature 3" })
        {
            Assert.Contains(part, e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_MissingPromptFile_NamesPath()
    {
        var e = Assert.Throws<ArgumentException>((Valid with { PromptTemplatePath = "/nonexistent/prompt.md" }).Validate);

        Assert.Contains("/nonexistent/prompt.md", e.Message, StringComparison.Ordinal);
    }
}

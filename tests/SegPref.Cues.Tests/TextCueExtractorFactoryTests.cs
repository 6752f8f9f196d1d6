using SegPref.Cues.Lexicon;
using SegPref.Cues.OpenAi;

namespace SegPref.Cues.Tests;

public sealed class TextCueExtractorFactoryTests
{
    [Fact]
    public void Create_Defaults_GivesLexicon()
    {
        var extractor = TextCueExtractorFactory.Create(new TextCueOptions());

        Assert.IsType<LexiconTextCueExtractor>(extractor);
        Assert.Equal("lexicon", extractor.BackendName);
    }

    [Fact]
    public void Create_OpenAiAnyCase_GivesOpenAiBackend()
    {
        var options = new TextCueOptions { Backend = "OpenAI", OpenAi = new OpenAiCueOptions { Model = "qwen" } };

        using var extractor = Assert.IsType<OpenAiTextCueExtractor>(TextCueExtractorFactory.Create(options));

        Assert.Equal("openai", extractor.BackendName);
    }

    [Theory]
    [InlineData("gpt", null, "Unknown text-cue backend 'gpt'")]
    [InlineData("openai", null, "needs TextCues:OpenAi")]
    [InlineData("openai", "", "Model is empty")]
    public void Create_BadOptions_ThrowsArgumentException(string backend, string? model, string expected)
    {
        var options = new TextCueOptions { Backend = backend, OpenAi = model is null ? null : new OpenAiCueOptions { Model = model } };

        var e = Assert.Throws<ArgumentException>(() => TextCueExtractorFactory.Create(options));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractManyAsync_Lexicon_KeepsOrder()
    {
        var extractor = TextCueExtractorFactory.Create(new TextCueOptions());

        var cues = await extractor.ExtractManyAsync(["a dog.", "no dog.", "a piano and a lady."], ct: TestContext.Current.CancellationToken);

        Assert.Equal(["dog,None,None,None", "None,None,None,None", "piano,woman,None,None"], cues.Select(c => c.ToString()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void CreateFallback_NoneConfigured_Null(string? fallback)
    {
        Assert.Null(TextCueExtractorFactory.CreateFallback(new TextCueOptions { Backend = "openai", Fallback = fallback }));
    }

    [Fact]
    public void CreateFallback_LexiconBehindOpenAi_Lexicon()
    {
        var fallback = TextCueExtractorFactory.CreateFallback(new TextCueOptions { Backend = "openai", Fallback = " Lexicon " });

        Assert.Equal("lexicon", Assert.IsType<LexiconTextCueExtractor>(fallback).BackendName);
    }

    [Theory]
    [InlineData("lexicon", "lexicon", "the backend is already the lexicon")]
    [InlineData("openai", "openai", "only 'lexicon' can stand in for a failing backend")]
    [InlineData("openai", "gpt", "TextCues:Fallback 'gpt'")]
    public void CreateFallback_Unsupported_NamesTheSetting(string backend, string fallback, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => TextCueExtractorFactory.CreateFallback(new TextCueOptions { Backend = backend, Fallback = fallback }));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}

using SegPref.Cues.Lexicon;
using SegPref.Cues.OpenAi;

namespace SegPref.Cues;

/// <summary>Creates the configured <see cref="ITextCueExtractor"/>.</summary>
public static class TextCueExtractorFactory
{
    /// <summary>Creates the backend named by <see cref="TextCueOptions.Backend"/> (case-insensitive).</summary>
    /// <param name="options">Backend choice and settings.</param>
    /// <param name="httpClient">Used by the "openai" backend; it creates its own when null.</param>
    /// <exception cref="ArgumentException">Unknown backend, or "openai" without valid settings.</exception>
    public static ITextCueExtractor Create(TextCueOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Backend?.Trim().ToLowerInvariant() switch
        {
            LexiconTextCueExtractor.Name => new LexiconTextCueExtractor(),
            OpenAiTextCueExtractor.Name => new OpenAiTextCueExtractor(
                options.OpenAi ?? throw new ArgumentException("The 'openai' text-cue backend needs TextCues:OpenAi settings (BaseUrl, Model).", nameof(options)),
                httpClient),
            _ => throw new ArgumentException(
                $"Unknown text-cue backend '{options.Backend}'; use '{LexiconTextCueExtractor.Name}' or '{OpenAiTextCueExtractor.Name}'.", nameof(options)),
        };
    }
}

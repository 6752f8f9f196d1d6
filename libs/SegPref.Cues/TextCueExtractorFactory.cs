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

    /// <summary>The backend named by <see cref="TextCueOptions.Fallback"/>, or null when none is configured.</summary>
    /// <exception cref="ArgumentException">A fallback other than the lexicon, or the lexicon falling back to itself.</exception>
    public static ITextCueExtractor? CreateFallback(TextCueOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fallback = options.Fallback?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(fallback))
        {
            return null;
        }

        if (fallback != LexiconTextCueExtractor.Name)
        {
            throw new ArgumentException($"TextCues:Fallback '{options.Fallback}': only '{LexiconTextCueExtractor.Name}' can stand in for a failing backend.", nameof(options));
        }

        return string.Equals(options.Backend?.Trim(), LexiconTextCueExtractor.Name, StringComparison.OrdinalIgnoreCase)
            ? throw new ArgumentException($"TextCues:Fallback '{options.Fallback}': the backend is already the lexicon.", nameof(options))
            : new LexiconTextCueExtractor();
    }
}

using SegPref.Cues.OpenAi;

namespace SegPref.Cues;

/// <summary>Which text-cue backend to use, and its settings.</summary>
public sealed record TextCueOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "TextCues";

    /// <summary>"lexicon" (default: deterministic, no I/O) or "openai" (an OpenAI-compatible LLM server).</summary>
    public string Backend { get; init; } = Lexicon.LexiconTextCueExtractor.Name;

    /// <summary>
    /// The backend that answers when <see cref="Backend"/> fails ("lexicon"), flagged in the reply; null or empty: a
    /// failing backend is an error (the text-cue service answers UNAVAILABLE naming it).
    /// </summary>
    public string? Fallback { get; init; }

    /// <summary>Settings for the "openai" backend; required when it is selected.</summary>
    public OpenAiCueOptions? OpenAi { get; init; }
}

namespace SegPref.Cues.Lexicon;

/// <summary>The default, deterministic backend: <see cref="CueLexicon"/> over the description, no I/O.</summary>
/// <param name="lexicon">The lexicon; <see cref="CueLexicon.Default"/> when null.</param>
public sealed class LexiconTextCueExtractor(CueLexicon? lexicon = null) : ITextCueExtractor
{
    /// <summary>The backend name used in options and replies.</summary>
    public const string Name = "lexicon";

    private readonly CueLexicon _lexicon = lexicon ?? CueLexicon.Default;

    /// <inheritdoc />
    public string BackendName => Name;

    /// <summary>Extracts cues synchronously (the lexicon does no I/O).</summary>
    public TextCues Extract(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        return new TextCues(_lexicon.Extract(description));
    }

    /// <inheritdoc />
    public Task<TextCues> ExtractAsync(string description, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Extract(description));
    }
}

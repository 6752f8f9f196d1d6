namespace SegPref.Cues;

/// <summary>
/// Cue word -> id, the one rule training and serving share: words are trimmed and lower-cased; "None", null and blanks
/// are padding (<see cref="NoneIndex"/>); words outside the list are unknown (<see cref="UnknownIndex"/>); the id of a
/// word is its position in the list.
/// </summary>
public sealed class CueWordIndex
{
    /// <summary>Id of padding ("None", null, blank).</summary>
    public const int NoneIndex = -1;

    /// <summary>Id of a word outside the list.</summary>
    public const int UnknownIndex = -2;

    private readonly Dictionary<string, int> _index;

    /// <summary>Indexes distinct, non-blank words other than "None".</summary>
    /// <exception cref="ArgumentException">Empty list, a blank or "None" entry, or a duplicate (after normalising).</exception>
    public CueWordIndex(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Count == 0)
        {
            throw new ArgumentException("A cue vocabulary needs at least one word.", nameof(words));
        }

        Words = [.. words.Select(Normalise)];
        var none = Words.Select((w, i) => (w, i)).FirstOrDefault(p => IsNone(p.w));
        if (none.w is not null)
        {
            throw new ArgumentException($"Entry {none.i} ('{words[none.i]}') is blank or '{CueSlots.None}'; a cue vocabulary cannot contain padding.", nameof(words));
        }

        var duplicate = Words.GroupBy(w => w, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"The cue vocabulary lists '{duplicate.Key}' twice.", nameof(words));
        }

        _index = Words.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>The words, normalised, in id order.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>Number of words.</summary>
    public int Count => Words.Count;

    /// <summary>Whether <paramref name="word"/> is padding: null, blank or "None" (any case).</summary>
    public static bool IsNone(string? word) =>
        string.IsNullOrWhiteSpace(word) || word.Trim().Equals(CueSlots.None, StringComparison.OrdinalIgnoreCase);

    /// <summary>The form words are compared in: trimmed, lower-case.</summary>
    public static string Normalise(string? word) => word?.Trim().ToLowerInvariant() ?? string.Empty;

    /// <summary>The word's id, <see cref="NoneIndex"/> for padding or <see cref="UnknownIndex"/> for a word not in the list.</summary>
    public int IndexOf(string? word) =>
        IsNone(word) ? NoneIndex : _index.TryGetValue(Normalise(word), out var index) ? index : UnknownIndex;
}

using SegPref.Avs.Avss;
using SegPref.Cues;

namespace SegPref.Models.Cues;

/// <summary>
/// The words a <see cref="CueEncoder"/> has trained vectors for: canonical AVSS class names (the lexicon in
/// SegPref.Cues maps synonyms to them). Lookups trim and lower-case the word; <see cref="CueSlots.None"/>, null and
/// blanks are padding.
/// </summary>
public sealed class CueVocabulary
{
    /// <summary>Index returned for padding ("None", null, blank).</summary>
    public const int NoneIndex = -1;

    /// <summary>Index returned for a word outside the vocabulary.</summary>
    public const int UnknownIndex = -2;

    private readonly Dictionary<string, int> _index;

    /// <summary>Creates a vocabulary over distinct, non-blank words other than "None".</summary>
    /// <exception cref="ArgumentException">Empty list, a blank or "None" entry, or a duplicate.</exception>
    public CueVocabulary(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Count == 0)
        {
            throw new ArgumentException("A cue vocabulary needs at least one word.", nameof(words));
        }

        Words = [.. words.Select(Normalise)];
        if (Words.Any(IsNone))
        {
            throw new ArgumentException($"A cue vocabulary cannot contain blanks or '{CueSlots.None}'.", nameof(words));
        }

        var duplicate = Words.GroupBy(w => w, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"The cue vocabulary lists '{duplicate.Key}' twice.", nameof(words));
        }

        _index = Words.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>The 70 sound-capable AVSS classes (all but background), in AVSS index order: vocabulary index = AVSS index - 1.</summary>
    public static CueVocabulary AvssSoundCapable { get; } = new([.. AvssClasses.Names.Skip(1)]);

    /// <summary>The words, normalised, in index order.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>Number of words.</summary>
    public int Count => Words.Count;

    /// <summary>Whether <paramref name="word"/> is padding: null, blank or "None" (any case).</summary>
    public static bool IsNone(string? word) =>
        string.IsNullOrWhiteSpace(word) || word.Trim().Equals(CueSlots.None, StringComparison.OrdinalIgnoreCase);

    /// <summary>The word's index, <see cref="NoneIndex"/> for padding or <see cref="UnknownIndex"/> for a word not in the vocabulary.</summary>
    public int IndexOf(string? word) =>
        IsNone(word) ? NoneIndex : _index.TryGetValue(Normalise(word!), out var index) ? index : UnknownIndex;

    private static string Normalise(string word) => word?.Trim().ToLowerInvariant() ?? string.Empty;
}

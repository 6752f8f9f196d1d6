using SegPref.Avs.Avss;
using SegPref.Cues;

namespace SegPref.Models.Cues;

/// <summary>
/// The words a <see cref="CueEncoder"/> has trained vectors for: canonical AVSS class names (the lexicon in
/// SegPref.Cues maps synonyms to them). Ids follow <see cref="CueWordIndex"/>, the rule the served cue encoder uses too.
/// </summary>
public sealed class CueVocabulary
{
    /// <summary>Index returned for padding ("None", null, blank).</summary>
    public const int NoneIndex = CueWordIndex.NoneIndex;

    /// <summary>Index returned for a word outside the vocabulary.</summary>
    public const int UnknownIndex = CueWordIndex.UnknownIndex;

    private readonly CueWordIndex _index;

    /// <summary>Creates a vocabulary over distinct, non-blank words other than "None".</summary>
    /// <exception cref="ArgumentException">Empty list, a blank or "None" entry, or a duplicate.</exception>
    public CueVocabulary(IReadOnlyList<string> words) => _index = new CueWordIndex(words);

    /// <summary>The 70 sound-capable AVSS classes (all but background), in AVSS index order: vocabulary index = AVSS index - 1.</summary>
    public static CueVocabulary AvssSoundCapable { get; } = new([.. AvssClasses.Names.Skip(1)]);

    /// <summary>The words, normalised, in index order.</summary>
    public IReadOnlyList<string> Words => _index.Words;

    /// <summary>Number of words.</summary>
    public int Count => _index.Count;

    /// <summary>Whether <paramref name="word"/> is padding: null, blank or "None" (any case).</summary>
    public static bool IsNone(string? word) => CueWordIndex.IsNone(word);

    /// <summary>The word's index, <see cref="NoneIndex"/> for padding or <see cref="UnknownIndex"/> for a word not in the vocabulary.</summary>
    public int IndexOf(string? word) => _index.IndexOf(word);
}

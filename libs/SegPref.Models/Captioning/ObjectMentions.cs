using SegPref.Cues.Lexicon;

namespace SegPref.Models.Captioning;

/// <summary>
/// The object kinds a description names: sound-capable AVSS classes through the SegPref.Cues lexicon (class
/// names, plurals, synonyms; negated mentions such as "with no piano in sight" do not count) plus AVS-Synth's
/// silent distractor kinds (singular or plural).
/// </summary>
public static class ObjectMentions
{
    /// <summary>AVS-Synth's silent distractor kinds (not AVSS classes).</summary>
    public static IReadOnlyList<string> DistractorKinds { get; } = ["chair", "table", "tree", "box", "lamp"];

    private static readonly Dictionary<string, string> DistractorWords = DistractorKinds
        .SelectMany(k => new[] { (k, k), (k == "box" ? "boxes" : k + "s", k) })
        .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);

    /// <summary>Distinct kinds named in <paramref name="description"/> (canonical names).</summary>
    public static IReadOnlySet<string> Find(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var kinds = new HashSet<string>(CueLexicon.Default.FindClasses(description), StringComparer.Ordinal);
        foreach (var token in CaptionTokenizer.Tokenize(description))
        {
            if (DistractorWords.TryGetValue(token, out var kind))
            {
                kinds.Add(kind);
            }
        }

        return kinds;
    }
}

using System.Text.RegularExpressions;
using SegPref.Avs.Synth;

namespace SegPref.Avs.Tests.Synth;

/// <summary>Test-side reading of descriptions: the sound classes mentioned (not negated) in order of first mention.</summary>
internal static partial class SynthTextMentions
{
    private static readonly Dictionary<string, string> ClassByTerm = BuildTerms();

    private static readonly Regex TermPattern = new(
        @"\b(" + string.Join('|', ClassByTerm.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape)) + @")\b",
        RegexOptions.CultureInvariant);

    public static List<string> Mentioned(string description)
    {
        var negation = NegationPattern().Match(description);
        var positive = negation.Success ? description[..negation.Index] : description;
        return TermPattern.Matches(positive).Select(m => ClassByTerm[m.Value]).Distinct(StringComparer.Ordinal).ToList();
    }

    public static List<string> Negated(string description)
    {
        var negation = NegationPattern().Match(description);
        return negation.Success ? TermPattern.Matches(description[negation.Index..]).Select(m => ClassByTerm[m.Value]).ToList() : [];
    }

    [GeneratedRegex(", (with|but) no ")]
    private static partial Regex NegationPattern();

    private static Dictionary<string, string> BuildTerms()
    {
        var terms = SynthVocabulary.SoundClasses.ToDictionary(c => c, c => c, StringComparer.Ordinal);
        foreach (var (synonym, cls) in SynthVocabulary.Synonyms)
        {
            terms[synonym] = cls;
        }

        foreach (var (singular, plural) in SynthVocabulary.Plurals)
        {
            if (terms.TryGetValue(singular, out var cls))
            {
                terms[plural] = cls;
            }
        }

        return terms;
    }
}

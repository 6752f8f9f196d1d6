namespace SegPref.Cues.Lexicon;

/// <summary>Finds sound-capable AVSS classes named in a description: class names, plurals and synonyms, minus
/// negated mentions and objects that cannot sound here (see docs/text-cues-prompt.md, "Lexicon rules").</summary>
public sealed class CueLexicon
{
    private const string ResourceName = "SegPref.Cues.lexicon.tsv";

    private static readonly Lazy<CueLexicon> LazyDefault = new(() => Parse(EmbeddedText.Read(ResourceName), ResourceName));

    private readonly Dictionary<string, LexiconTerm> _terms;
    private readonly int _maxTermWords;

    private CueLexicon(Dictionary<string, LexiconTerm> terms)
    {
        _terms = terms;
        _maxTermWords = terms.Keys.Max(k => k.Count(c => c == ' ') + 1);
    }

    /// <summary>The lexicon built from the embedded tables.</summary>
    public static CueLexicon Default => LazyDefault.Value;

    /// <summary>Number of surface forms (class names, plurals, synonyms, groups) the lexicon knows.</summary>
    public int TermCount => _terms.Count;

    /// <summary>Builds a lexicon from lexicon.tsv-formatted text.</summary>
    /// <param name="tsvText">The table (see the embedded lexicon.tsv for the format).</param>
    /// <param name="sourceName">Named in error messages.</param>
    /// <exception cref="InvalidDataException">A row is malformed or names an unknown class.</exception>
    public static CueLexicon Parse(string tsvText, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(tsvText);
        return new CueLexicon(LexiconTable.Build(tsvText, sourceName));
    }

    /// <summary>All sound-capable classes the description presents as able to sound, in order of first mention, without duplicates.</summary>
    public IReadOnlyList<string> FindClasses(string description)
    {
        var tokens = DescriptionTokenizer.Tokenize(description);
        var mentions = FindMentions(tokens);
        var rules = new MentionRules(tokens, mentions);
        var classes = new List<string>();
        for (var k = 0; k < mentions.Count; k++)
        {
            if (!mentions[k].Term.IsGroup && rules.CanSound(k) && !classes.Contains(mentions[k].Term.Classes[0]))
            {
                classes.Add(mentions[k].Term.Classes[0]);
            }
        }

        return classes;
    }

    /// <summary>The first <see cref="CueSlots.Count"/> classes of <see cref="FindClasses"/>.</summary>
    public IReadOnlyList<string> Extract(string description) => [.. FindClasses(description).Take(CueSlots.Count)];

    /// <summary>Maps a single word or short phrase an LLM proposed ("Puppies", "drum kit") to its AVSS class.</summary>
    public bool TryMapTerm(string term, out string className)
    {
        ArgumentNullException.ThrowIfNull(term);
        if (_terms.TryGetValue(LexiconTable.Normalize(term), out var meaning) && !meaning.IsGroup)
        {
            className = meaning.Classes[0];
            return true;
        }

        var found = FindClasses(term);
        className = found.Count == 1 ? found[0] : string.Empty;
        return found.Count == 1;
    }

    private List<Mention> FindMentions(List<Token> tokens)
    {
        var mentions = new List<Mention>();
        for (var i = 0; i < tokens.Count; i++)
        {
            for (var length = Math.Min(_maxTermWords, WordRun(tokens, i)); length >= 1; length--)
            {
                var phrase = string.Join(' ', tokens.Skip(i).Take(length).Select(t => t.Text));
                if (_terms.TryGetValue(phrase, out var term))
                {
                    mentions.Add(new Mention(i, length, term));
                    i += length - 1;
                    break;
                }
            }
        }

        return mentions;
    }

    private static int WordRun(List<Token> tokens, int start)
    {
        var end = start;
        while (end < tokens.Count && !tokens[end].IsBoundary)
        {
            end++;
        }

        return end - start;
    }
}

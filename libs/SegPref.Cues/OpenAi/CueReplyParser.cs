using SegPref.Cues.Lexicon;

namespace SegPref.Cues.OpenAi;

/// <summary>Reads the cue list out of an LLM's chain-of-thought answer: the last list in the text (in the last
/// code fence when there are fences), items mapped to AVSS names through the lexicon's synonyms.</summary>
/// <param name="lexicon">Maps proposed words to classes; <see cref="CueLexicon.Default"/> when null.</param>
public sealed class CueReplyParser(CueLexicon? lexicon = null)
{
    private static readonly HashSet<string> Padding = new(["none", "null", "n/a", "nothing", ""], StringComparer.OrdinalIgnoreCase);

    private readonly CueLexicon _lexicon = lexicon ?? CueLexicon.Default;

    /// <summary>Parses one reply.</summary>
    /// <exception cref="CueBackendException">The reply is empty or holds no list (<see cref="CueBackendFailure.MalformedReply"/>).</exception>
    public CueReply Parse(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            throw new CueBackendException(CueBackendFailure.MalformedReply, "The LLM reply is empty; expected reasoning ending in a JSON list such as [\"guitar\", \"man\"].");
        }

        var items = LastList(content) ?? throw new CueBackendException(
            CueBackendFailure.MalformedReply,
            $"The LLM reply holds no JSON list of cues (expected e.g. [\"guitar\", \"man\"] at the end). Reply starts: '{Excerpt(content)}'.");
        return Map(items);
    }

    private List<string>? LastList(string content)
    {
        var fenced = ListScanner.FencedBlocks(content).Select(Plausible).LastOrDefault(lists => lists.Count > 0);
        return (fenced ?? Plausible(content)).LastOrDefault()?.Items;
    }

    private List<ParsedList> Plausible(string text) =>
        [.. ListScanner.FlatLists(text).Where(l => l.Quoted || l.Items.Any(i => Padding.Contains(i.Trim()) || _lexicon.TryMapTerm(i, out _)))];

    private CueReply Map(List<string> items)
    {
        List<string> cues = [], dropped = [], overflow = [];
        foreach (var item in items.Select(i => i.Trim()))
        {
            if (Padding.Contains(item))
            {
                continue;
            }

            if (!_lexicon.TryMapTerm(item, out var cls))
            {
                dropped.Add(item);
            }
            else if (!cues.Contains(cls) && !overflow.Contains(cls))
            {
                (cues.Count < CueSlots.Count ? cues : overflow).Add(cls);
            }
        }

        return new CueReply(cues, dropped, overflow);
    }

    private static string Excerpt(string content)
    {
        var flat = content.ReplaceLineEndings(" ").Trim();
        return flat.Length <= 120 ? flat : flat[..120] + "...";
    }
}

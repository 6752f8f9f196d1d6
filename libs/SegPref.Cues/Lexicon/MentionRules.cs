namespace SegPref.Cues.Lexicon;

/// <summary>Decides whether a mention presents an object that can sound: not negated, not a depiction or a
/// broken/toy object, not a verb that happens to spell a class name.</summary>
internal sealed class MentionRules
{
    // How many plain words may separate a negation or "of" from the class it governs ("not a single red piano").
    private const int NegationReach = 4;
    private const int ModifierReach = 2;

    private readonly List<Token> _tokens;
    private readonly List<Mention> _mentions;
    private readonly int[] _mentionAt;

    public MentionRules(List<Token> tokens, List<Mention> mentions)
    {
        _tokens = tokens;
        _mentions = mentions;
        _mentionAt = Enumerable.Repeat(-1, tokens.Count).ToArray();
        for (var k = 0; k < mentions.Count; k++)
        {
            for (var t = mentions[k].Start; t < mentions[k].End; t++)
            {
                _mentionAt[t] = k;
            }
        }
    }

    public bool CanSound(int k) => !IsNegated(k) && !IsInert(k) && !IsVerb(k);

    private bool IsNegated(int k)
    {
        var budget = NegationReach;
        for (var j = _mentions[k].Start - 1; j >= 0 && !_tokens[j].IsBoundary; j--)
        {
            if (_mentionAt[j] >= 0)
            {
                continue; // a list of mentions ("no piano or violin") shares one negation
            }

            var word = _tokens[j].Text;
            if (MentionWords.NegationTriggers.Contains(word))
            {
                return true;
            }

            if (MentionWords.ScopeEnds.Contains(word) || --budget < 0)
            {
                return false;
            }
        }

        return false;
    }

    private bool IsInert(int k)
    {
        var mention = _mentions[k];
        var after = mention.End;
        if (after < _tokens.Count && !_tokens[after].IsBoundary && MentionWords.Depictions.Contains(_tokens[after].Text))
        {
            return true;
        }

        var words = PlainWordsBefore(mention.Start, NegationReach);
        if (words.Take(ModifierReach).Any(MentionWords.InertModifiers.Contains))
        {
            return true;
        }

        var of = words.IndexOf("of");
        return of >= 0 && of + 1 < words.Count && MentionWords.Depictions.Contains(words[of + 1])
            && !IsCaptionFraming(mention.Start - 2 - of);
    }

    private bool IsVerb(int k)
    {
        var mention = _mentions[k];
        if (mention.Length != 1 || !MentionWords.VerbHomographs.Contains(_tokens[mention.Start].Text))
        {
            return false;
        }

        var before = mention.Start - 1;
        return before >= 0 && !_tokens[before].IsBoundary &&
               (_mentionAt[before] >= 0 || MentionWords.VerbSubjects.Contains(_tokens[before].Text));
    }

    /// <summary>
    /// A photo-like word that opens the description ("an image of a man ...", "a photo of two dogs") frames the whole
    /// caption, as captioners commonly phrase it; it does not make the objects pictures within the scene. "A poster of
    /// a guitar" still is a depiction.
    /// </summary>
    private bool IsCaptionFraming(int depictionAt)
    {
        for (var j = 0; j < depictionAt; j++)
        {
            if (!MentionWords.Articles.Contains(_tokens[j].Text))
            {
                return false;
            }
        }

        return depictionAt >= 0 && MentionWords.CaptionFrames.Contains(_tokens[depictionAt].Text);
    }

    /// <summary>Up to <paramref name="max"/> + 1 words before a position, nearest first, stopping at a boundary or another mention.</summary>
    private List<string> PlainWordsBefore(int start, int max)
    {
        var words = new List<string>();
        for (var j = start - 1; j >= 0 && words.Count <= max && !_tokens[j].IsBoundary && _mentionAt[j] < 0; j--)
        {
            words.Add(_tokens[j].Text);
        }

        return words;
    }
}

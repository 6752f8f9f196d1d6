namespace SegPref.Cues.Lexicon;

/// <summary>Builds the surface-form table (term -> meaning) from the class list and the lexicon.tsv rows.</summary>
internal static class LexiconTable
{
    public static Dictionary<string, LexiconTerm> Build(string tsvText, string sourceName)
    {
        var terms = new Dictionary<string, LexiconTerm>(StringComparer.Ordinal);
        foreach (var cls in AvssVocabulary.SoundCapableClasses)
        {
            AddWithPlural(terms, Normalize(cls), new LexiconTerm([cls], IsGroup: false));
            terms.TryAdd(cls.Replace("-", string.Empty, StringComparison.Ordinal), new LexiconTerm([cls], IsGroup: false));
        }

        var rows = EmbeddedText.DataLines(tsvText).Select(p => (p.LineNumber, Cells: p.Line.Split('\t'))).ToList();
        foreach (var (line, cells) in rows.Where(r => r.Cells[0] != "plural"))
        {
            Require(cells.Length == 3, sourceName, line, "expected 3 TAB-separated columns: kind, term, class(es)");
            var classes = cells[2].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var cls in classes)
            {
                Require(AvssVocabulary.IsSoundCapable(cls), sourceName, line, $"'{cls}' is not a sound-capable AVSS class");
            }

            var meaning = cells[0] switch
            {
                "synonym" when classes.Length == 1 => new LexiconTerm(classes, IsGroup: false),
                "group" when classes.Length >= 1 => new LexiconTerm(classes, IsGroup: true),
                _ => throw Error(sourceName, line, $"unknown kind '{cells[0]}' or wrong class count"),
            };
            var term = Normalize(cells[1]);
            Require(
                !terms.TryGetValue(term, out var existing) || existing.Classes.SequenceEqual(meaning.Classes),
                sourceName,
                line,
                $"term '{term}' is defined twice with different classes");
            if (meaning.IsGroup)
            {
                terms[term] = meaning;
            }
            else
            {
                AddWithPlural(terms, term, meaning);
            }
        }

        foreach (var (line, cells) in rows.Where(r => r.Cells[0] == "plural"))
        {
            Require(cells.Length == 3, sourceName, line, "expected 3 TAB-separated columns: plural, plural form, singular term");
            Require(terms.TryGetValue(Normalize(cells[2]), out var singular), sourceName, line, $"singular term '{cells[2]}' is not defined");
            terms[Normalize(cells[1])] = singular!;
        }

        return terms;
    }

    /// <summary>Puts a term into the same word form as tokenized descriptions ("Hair-Dryer" -> "hair dryer").</summary>
    public static string Normalize(string term) =>
        string.Join(' ', DescriptionTokenizer.Tokenize(term).Where(t => !t.IsBoundary).Select(t => t.Text));

    private static void AddWithPlural(Dictionary<string, LexiconTerm> terms, string term, LexiconTerm meaning)
    {
        terms[term] = meaning;
        terms.TryAdd(Plurals.Regular(term), meaning);
    }

    private static void Require(bool condition, string sourceName, int line, string problem)
    {
        if (!condition)
        {
            throw Error(sourceName, line, problem);
        }
    }

    private static InvalidDataException Error(string sourceName, int line, string problem) =>
        new($"{sourceName} line {line}: {problem}.");
}

namespace SegPref.Cues.Lexicon;

/// <summary>Regular English plurals of a term (the last word inflects: "drum kit" -> "drum kits").</summary>
/// <remarks>Irregular ones (geese, wolves, sheep) come from the lexicon table instead.</remarks>
internal static class Plurals
{
    public static string Regular(string term)
    {
        var space = term.LastIndexOf(' ');
        var head = term[..(space + 1)];
        var last = term[(space + 1)..];
        return head + RegularWord(last);
    }

    private static string RegularWord(string word)
    {
        if (word.EndsWith("man", StringComparison.Ordinal))
        {
            return word[..^3] + "men";
        }

        if (word.EndsWith('s') || word.EndsWith('x') || word.EndsWith('z') ||
            word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("sh", StringComparison.Ordinal))
        {
            return word + "es";
        }

        if (word.Length > 1 && word[^1] == 'y' && !"aeiou".Contains(word[^2], StringComparison.Ordinal))
        {
            return word[..^1] + "ies";
        }

        return word + "s";
    }
}

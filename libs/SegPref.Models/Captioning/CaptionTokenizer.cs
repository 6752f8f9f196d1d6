using System.Text;

namespace SegPref.Models.Captioning;

/// <summary>
/// Word-level tokenisation of descriptions: lowercase, words of letters/digits (with inner hyphens and
/// apostrophes kept), and ',' '.' as tokens of their own; everything else separates words.
/// </summary>
public static class CaptionTokenizer
{
    /// <summary>Splits <paramref name="text"/> into tokens.</summary>
    public static IReadOnlyList<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || ((c == '-' || c == '\'') && word.Length > 0))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }

            Flush(word, tokens);
            if (c is ',' or '.')
            {
                tokens.Add(c.ToString());
            }
        }

        Flush(word, tokens);
        return tokens;
    }

    /// <summary>Joins tokens back into a sentence: words separated by spaces, no space before ',' or '.'.</summary>
    public static string Detokenize(IEnumerable<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var text = new StringBuilder();
        foreach (var token in tokens)
        {
            if (text.Length > 0 && token is not ("," or "."))
            {
                text.Append(' ');
            }

            text.Append(token);
        }

        return text.ToString();
    }

    private static void Flush(StringBuilder word, List<string> tokens)
    {
        if (word.Length > 0)
        {
            tokens.Add(word.ToString().TrimEnd('-', '\''));
            word.Clear();
        }
    }
}

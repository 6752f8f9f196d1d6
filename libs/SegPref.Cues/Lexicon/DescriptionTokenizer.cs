using System.Text;

namespace SegPref.Cues.Lexicon;

/// <summary>Splits text into lowercase words of letters and digits; clause punctuation becomes a boundary token.</summary>
/// <remarks>Whole-word tokens are what keep "car" out of "carpet" and "cat" out of "catalog". Hyphens and
/// apostrophes only separate words ("emergency-car" = "emergency car", "dog's" = "dog" "s").</remarks>
internal static class DescriptionTokenizer
{
    private const string BoundaryChars = ",.;:!?()[]{}\"";

    public static List<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }

            Flush(word, tokens);
            if (BoundaryChars.Contains(c, StringComparison.Ordinal) && (tokens.Count == 0 || !tokens[^1].IsBoundary))
            {
                tokens.Add(new Token(c.ToString(), IsBoundary: true));
            }
        }

        Flush(word, tokens);
        return tokens;
    }

    private static void Flush(StringBuilder word, List<Token> tokens)
    {
        if (word.Length > 0)
        {
            tokens.Add(new Token(word.ToString(), IsBoundary: false));
            word.Clear();
        }
    }
}

using System.Globalization;
using System.Text;

namespace SegPref.Cues.OpenAi;

/// <summary>Reads one flat list literal starting at '[': items are "double", 'single' quoted or bare words.</summary>
internal static class ListLiteral
{
    /// <summary>The list, or null when the text at <paramref name="start"/> is not a flat list.</summary>
    public static ParsedList? TryRead(string text, int start)
    {
        var items = new List<string>();
        var quoted = true;
        var i = start + 1;
        while (true)
        {
            i = SkipSpace(text, i);
            if (i >= text.Length)
            {
                return null;
            }

            if (text[i] == ']')
            {
                return new ParsedList(items, quoted); // also after a trailing comma
            }

            var isQuoted = text[i] is '"' or '\'';
            quoted &= isQuoted;
            var item = isQuoted ? ReadQuoted(text, ref i) : ReadBare(text, ref i);
            if (item is null)
            {
                return null;
            }

            items.Add(item);
            i = SkipSpace(text, i);
            if (i < text.Length && text[i] == ',')
            {
                i++;
            }
            else if (i >= text.Length || text[i] != ']')
            {
                return null;
            }
        }
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static string? ReadQuoted(string text, ref int i)
    {
        var quote = text[i++];
        var value = new StringBuilder();
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == quote)
            {
                i++;
                return value.ToString();
            }

            if (c == '\\' && i + 1 < text.Length)
            {
                i++;
                if (!TryUnescape(text, ref i, value))
                {
                    return null;
                }

                continue;
            }

            if (c == '\n')
            {
                return null; // a quote that is not closed on its line is prose ("don't"), not a list item
            }

            value.Append(c);
        }

        return null;
    }

    private static bool TryUnescape(string text, ref int i, StringBuilder value)
    {
        var c = text[i];
        if (c == 'u')
        {
            if (i + 4 >= text.Length || !int.TryParse(text.AsSpan(i + 1, 4), NumberStyles.HexNumber, null, out var code))
            {
                return false;
            }

            value.Append((char)code);
            i += 4;
            return true;
        }

        value.Append(c switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => c });
        return true;
    }

    private static string? ReadBare(string text, ref int i)
    {
        var begin = i;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is ' ' or '-' or '_' or '/'))
        {
            i++;
        }

        var word = text[begin..i].Trim();
        return word.Length == 0 ? null : word;
    }
}

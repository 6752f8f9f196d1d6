namespace SegPref.Cues.OpenAi;

/// <summary>Finds list literals in free text: JSON arrays of strings, leniently (single quotes, bare words,
/// trailing commas), at any depth ({"sounding_objects": [...]} is found too). Nested lists are not flat, so only
/// their inner lists count.</summary>
internal static class ListScanner
{
    /// <summary>Every flat list in the text, in order of its opening bracket.</summary>
    public static List<ParsedList> FlatLists(string text)
    {
        var lists = new List<ParsedList>();
        for (var i = text.IndexOf('[', StringComparison.Ordinal); i >= 0; i = text.IndexOf('[', i + 1))
        {
            var list = ListLiteral.TryRead(text, i);
            if (list is not null)
            {
                lists.Add(list);
            }
        }

        return lists;
    }

    /// <summary>The bodies of ``` code fences (```json or plain), in order.</summary>
    public static List<string> FencedBlocks(string text)
    {
        var blocks = new List<string>();
        var parts = text.Split("```");

        // Odd parts sit between an opening and a closing fence; an unclosed last fence still counts.
        for (var p = 1; p < parts.Length; p += 2)
        {
            var body = parts[p];
            var newline = body.IndexOf('\n', StringComparison.Ordinal);
            blocks.Add(newline >= 0 && !body[..newline].Contains('[', StringComparison.Ordinal) ? body[(newline + 1)..] : body);
        }

        return blocks;
    }
}

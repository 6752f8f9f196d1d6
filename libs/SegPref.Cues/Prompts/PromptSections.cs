namespace SegPref.Cues.Prompts;

/// <summary>Splits a template into its "## name" sections; text before the first heading (a comment) is ignored.</summary>
internal static class PromptSections
{
    public static Dictionary<string, string> Split(string text)
    {
        var sections = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? current = null;
        var lines = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Close(sections, current, lines);
                current = line[3..].Trim();
                continue;
            }

            lines.Add(line);
        }

        Close(sections, current, lines);
        return sections;
    }

    private static void Close(Dictionary<string, string> sections, string? name, List<string> lines)
    {
        if (name is not null)
        {
            sections[name] = string.Join('\n', lines).Trim();
        }

        lines.Clear();
    }
}

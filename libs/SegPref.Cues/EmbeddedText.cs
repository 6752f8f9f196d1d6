namespace SegPref.Cues;

/// <summary>Reads the text files embedded in this assembly (lexicon tables, prompt template).</summary>
internal static class EmbeddedText
{
    public static string Read(string logicalName)
    {
        using var stream = typeof(EmbeddedText).Assembly.GetManifestResourceStream(logicalName)
            ?? throw new InvalidDataException($"Embedded resource '{logicalName}' is missing from SegPref.Cues.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Non-empty lines that are not '#' comments, with their 1-based line numbers for error messages.</summary>
    public static IEnumerable<(int LineNumber, string Line)> DataLines(string text) =>
        text.Split('\n')
            .Select((line, index) => (LineNumber: index + 1, Line: line.TrimEnd('\r')))
            .Where(p => p.Line.Trim().Length > 0 && !p.Line.TrimStart().StartsWith('#'));
}

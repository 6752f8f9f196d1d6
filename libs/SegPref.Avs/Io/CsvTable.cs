namespace SegPref.Avs.Io;

/// <summary>A CSV file read as a header plus data rows of the same width; blank lines are dropped.</summary>
internal sealed class CsvTable
{
    private CsvTable(string path, string[] header, List<(int Line, string[] Fields)> rows)
    {
        Path = path;
        Header = header;
        Rows = rows;
    }

    /// <summary>The file, for error messages.</summary>
    public string Path { get; }

    public string[] Header { get; }

    /// <summary>Data rows with their 1-based line numbers.</summary>
    public IReadOnlyList<(int Line, string[] Fields)> Rows { get; }

    /// <exception cref="InvalidDataException">Missing or empty file, a bad quote, or a row whose width differs from the header's.</exception>
    public static CsvTable Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: metadata file not found.");
        }

        var records = Csv.Parse(File.ReadAllText(path), path);
        if (records.Count == 0)
        {
            throw new InvalidDataException($"{path}: empty file, expected a header row.");
        }

        var header = records[0].Fields;
        var rows = records.Skip(1).Where(r => r.Fields is not [""]).ToList();
        var bad = rows.FindIndex(r => r.Fields.Length != header.Length);
        return bad < 0
            ? new CsvTable(path, header, rows)
            : throw new InvalidDataException($"{path} line {rows[bad].Line}: expected {header.Length} columns, got {rows[bad].Fields.Length}.");
    }

    /// <summary>Index of the first header matching any of the names (trimmed, case-insensitive); -1 if none.</summary>
    public int Find(params string[] names) =>
        Array.FindIndex(Header, h => names.Any(n => h.Trim().Equals(n, StringComparison.OrdinalIgnoreCase)));

    /// <exception cref="InvalidDataException">No header has the name.</exception>
    public int Require(string column)
    {
        var index = Find(column);
        return index >= 0 ? index : throw new InvalidDataException($"{Path}: header lacks column '{column}'.");
    }
}

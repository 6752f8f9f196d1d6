using SegPref.Avs.Io;

namespace SegPref.Avs.Original;

/// <summary>
/// Reads the original AVSBench metadata CSVs. Columns are found by header name, in any order:
/// the video name (video_name, name, vid or video_id; else column 0, which is where the official
/// loaders read it), split, category (required for S4) and an optional start_time.
/// </summary>
public static class AvsBenchMetadata
{
    private static readonly string[] NameColumns = ["video_name", "name", "vid", "video_id"];

    /// <summary>Reads one metadata file.</summary>
    /// <exception cref="InvalidDataException">Missing file, missing column, wrong field count or an empty name, split or category; the message names the file and line.</exception>
    public static IReadOnlyList<AvsBenchMetaRow> Read(string path, AvsBenchSubset subset)
    {
        var table = CsvTable.Read(path);
        var name = Math.Max(0, table.Find(NameColumns));
        var split = table.Require("split");
        var category = subset == AvsBenchSubset.S4 ? table.Require("category") : -1;
        var start = table.Find("start_time");
        var header = table.Header;
        var rows = new List<AvsBenchMetaRow>(table.Rows.Count);
        foreach (var (line, fields) in table.Rows)
        {
            rows.Add(new AvsBenchMetaRow(
                NonEmpty(fields[name], path, line, header[name]),
                NonEmpty(fields[split], path, line, "split"),
                category < 0 ? null : NonEmpty(fields[category], path, line, "category"),
                start < 0 ? null : fields[start]));
        }

        return rows;
    }

    private static string NonEmpty(string value, string path, int line, string column)
    {
        // Every field read here names a folder or file; a separator or ".." would escape the root.
        var trimmed = value.Trim();
        return trimmed.Length > 0 && trimmed is not ("." or "..") && trimmed.IndexOfAny(['/', '\\']) < 0
            ? trimmed
            : throw new InvalidDataException($"{path} line {line}: column {column} '{value}' is not a folder name.");
    }
}

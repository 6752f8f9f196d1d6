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
        var name = Math.Max(0, Find(header, NameColumns));
        var split = Require(header, path, "split");
        var category = subset == AvsBenchSubset.S4 ? Require(header, path, "category") : -1;
        var start = Find(header, ["start_time"]);

        var rows = new List<AvsBenchMetaRow>(records.Count - 1);
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Length == 1 && fields[0].Length == 0)
            {
                continue;
            }

            if (fields.Length != header.Length)
            {
                throw new InvalidDataException($"{path} line {line}: expected {header.Length} columns, got {fields.Length}.");
            }

            rows.Add(new AvsBenchMetaRow(
                NonEmpty(fields[name], path, line, header[name]),
                NonEmpty(fields[split], path, line, "split"),
                category < 0 ? null : NonEmpty(fields[category], path, line, "category"),
                start < 0 ? null : fields[start]));
        }

        return rows;
    }

    private static int Find(string[] header, string[] names) =>
        Array.FindIndex(header, h => names.Any(n => h.Trim().Equals(n, StringComparison.OrdinalIgnoreCase)));

    private static int Require(string[] header, string path, string column)
    {
        var index = Find(header, [column]);
        return index >= 0 ? index : throw new InvalidDataException($"{path}: header lacks column '{column}'.");
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

using System.Text;
using SegPref.Avs.Io;

namespace SegPref.Avs.Avss;

/// <summary>Reads and writes the AVSS release's metadata.csv (RFC 4180 quoting; columns found by header name).</summary>
public static class AvssMetadata
{
    private static readonly string[] Columns = ["vid", "uid", "s_min", "s_sec", "a_obj", "split", "label"];

    /// <summary>Writes rows with the standard header.</summary>
    public static void Write(string path, IEnumerable<AvssMetadataRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sb = new StringBuilder();
        sb.Append(AvssLayout.MetadataHeader).Append('\n');
        foreach (var r in rows)
        {
            string[] fields = [r.Vid, r.Uid, r.StartMinute.ToString(), r.StartSecond.ToString(), r.AudioObjects, r.Split, r.Label];
            sb.AppendJoin(',', fields.Select(Csv.Quote)).Append('\n');
        }

        File.WriteAllText(path, sb.ToString());
    }

    /// <summary>Reads metadata.csv.</summary>
    /// <exception cref="InvalidDataException">Missing file, missing column, wrong field count or a bad number; the message names the file and line.</exception>
    public static IReadOnlyList<AvssMetadataRow> Read(string path)
    {
        var table = CsvTable.Read(path);
        var index = Columns.ToDictionary(c => c, c => table.Find(c));
        var missing = index.Where(kv => kv.Value < 0).Select(kv => kv.Key).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{path}: header lacks column(s) {string.Join(", ", missing)}.");
        }

        var rows = new List<AvssMetadataRow>(table.Rows.Count);
        foreach (var (line, fields) in table.Rows)
        {
            rows.Add(new AvssMetadataRow(
                fields[index["vid"]],
                fields[index["uid"]],
                ParseInt(fields[index["s_min"]], path, line, "s_min"),
                ParseInt(fields[index["s_sec"]], path, line, "s_sec"),
                fields[index["a_obj"]],
                fields[index["split"]],
                fields[index["label"]]));
        }

        return rows;
    }

    private static int ParseInt(string text, string path, int line, string column)
    {
        // Real AVSS files sometimes write integers as floats ("12.0").
        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && value == Math.Floor(value) && Math.Abs(value) < int.MaxValue)
        {
            return (int)value;
        }

        throw new InvalidDataException($"{path} line {line}: column {column} is not an integer: '{text}'.");
    }
}

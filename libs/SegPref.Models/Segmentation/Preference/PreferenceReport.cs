using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SegPref.Models.Segmentation.Preference;

/// <summary>preference.json and preference.md: the same numbers, for machines and for people.</summary>
public static class PreferenceReport
{
    /// <summary>JSON file name.</summary>
    public const string JsonFile = "preference.json";

    /// <summary>Markdown file name.</summary>
    public const string MarkdownFile = "preference.md";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Writes {"runs": [...]} to <paramref name="path"/>.</summary>
    public static void WriteJson(string path, IReadOnlyList<PreferenceRow> rows) =>
        File.WriteAllText(path, JsonSerializer.Serialize(new Document(rows), Json));

    /// <summary>Reads a preference.json.</summary>
    /// <exception cref="InvalidDataException">Malformed.</exception>
    public static IReadOnlyList<PreferenceRow> ReadJson(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Document>(File.ReadAllText(path), Json)?.Runs ?? throw new InvalidDataException($"{path}: no runs.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
    }

    /// <summary>The markdown table (J and F as in the paper: x100 with one decimal; Delta in %).</summary>
    public static string Markdown(IReadOnlyList<PreferenceRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var md = new StringBuilder();
        md.AppendLine("| run | model | cues | normal J | normal F | mute J (ΔJ) | mute F (ΔF) | WGN -10 dB J (ΔJ) | WGN -40 dB J (ΔJ) | Null S (mute) | counter J | counter F |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {r.Name} | {r.Model} | {r.Cues ?? "-"} | {P(r.Normal.J)} | {P(r.Normal.F)} | {P(r.Mute.J)} ({D(r.Mute.DeltaJ)}) | {P(r.Mute.F)} ({D(r.Mute.DeltaF)}) | {P(r.Wgn10.J)} ({D(r.Wgn10.DeltaJ)}) | {P(r.Wgn40.J)} ({D(r.Wgn40.DeltaJ)}) | {r.NullSMute:0.000} | {P(r.Counter.J)} | {P(r.Counter.F)} |");
        }

        return md.ToString();
    }

    private static string P(double value) => (100 * value).ToString("0.0", CultureInfo.InvariantCulture);

    private static string D(double? delta) => delta is { } d ? (100 * d).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    private sealed record Document([property: JsonPropertyName("runs")] IReadOnlyList<PreferenceRow> Runs);
}

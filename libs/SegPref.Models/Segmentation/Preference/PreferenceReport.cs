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

    /// <summary>Writes {"runs": [...]} to <paramref name="path"/>, and "seeds": [...] where a recipe ran with several seeds.</summary>
    public static void WriteJson(string path, IReadOnlyList<PreferenceRow> rows)
    {
        var summaries = SeedSummaries(rows);
        File.WriteAllText(path, JsonSerializer.Serialize(new Document(rows, summaries.Count > 0 ? summaries : null), Json));
    }

    /// <summary>
    /// Groups the runs that share a recipe (<see cref="PreferenceRow.Recipe"/>) and ran with at least two different seeds,
    /// in table order, with the mean and sample standard deviation of the headline figures over their seeds.
    /// </summary>
    public static IReadOnlyList<SeedSummary> SeedSummaries(IReadOnlyList<PreferenceRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Where(r => r.Recipe is not null)
            .GroupBy(r => r.Recipe!, StringComparer.Ordinal)
            .Where(g => g.Select(r => r.Seed).Distinct().Count() >= 2)
            .Select(g => new SeedSummary(
                g.Key, [.. g.Select(r => r.Name)], [.. g.Select(r => r.Seed)],
                MeanSd.Of([.. g.Select(r => r.Normal.J)]), MeanSd.Of([.. g.Select(r => r.Mute.DeltaJ ?? 0)]),
                MeanSd.Of([.. g.Select(r => r.NullSMute)]), MeanSd.Of([.. g.Select(r => r.Counter.J)])))
            .ToList();
    }

    /// <summary>The seed table (mean ± sd of J x100, Delta in %, Null S); empty when no recipe ran with several seeds.</summary>
    public static string SeedMarkdown(IReadOnlyList<PreferenceRow> rows)
    {
        var summaries = SeedSummaries(rows);
        if (summaries.Count == 0)
        {
            return string.Empty;
        }

        var md = new StringBuilder();
        md.AppendLine("| recipe | seeds | normal J | mute ΔJ | Null S (mute) | counter J |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var s in summaries)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {s.Recipe} | {string.Join(", ", s.Seeds)} | {P(s.NormalJ.Mean)} ± {P(s.NormalJ.Sd)} | {P(s.MuteDeltaJ.Mean)}% ± {P(s.MuteDeltaJ.Sd)} | {s.NullSMute.Mean:0.000} ± {s.NullSMute.Sd:0.000} | {P(s.CounterJ.Mean)} ± {P(s.CounterJ.Sd)} |");
        }

        return md.ToString();
    }

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

    private sealed record Document(
        [property: JsonPropertyName("runs")] IReadOnlyList<PreferenceRow> Runs,
        [property: JsonPropertyName("seeds"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SeedSummary>? Seeds = null);
}

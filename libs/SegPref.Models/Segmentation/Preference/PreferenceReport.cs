using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SegPref.Avs.Evaluation;
using SegPref.Media.Audio;

namespace SegPref.Models.Segmentation.Preference;

/// <summary>preference.json and preference.md: the same numbers, for machines and for people.</summary>
public static class PreferenceReport
{
    /// <summary>JSON file name.</summary>
    public const string JsonFile = "preference.json";

    /// <summary>Markdown file name.</summary>
    public const string MarkdownFile = "preference.md";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The conditions whose J (and Delta) the tables show, in order.</summary>
    private static readonly string[] JConditions = [AudioPerturbation.Mute, "wgn-10", "wgn-40", AudioConditions.OffScreen];

    /// <summary>The conditions under which nothing visible sounds (Null S), in order.</summary>
    private static readonly string[] NullConditions = [AudioPerturbation.Mute, AudioConditions.NoiseFloor, AudioPerturbation.Dither, AudioConditions.Swapped];

    /// <summary>
    /// The headline figures of a run by name, in table order: normal_j/f, counter_j/f, &lt;condition&gt;_j and
    /// &lt;condition&gt;_delta_j where something visible sounds, null_s_&lt;condition&gt; where nothing does,
    /// reliance_&lt;condition&gt;, swapped_below_own. Conditions the run was not scored on are left out.
    /// </summary>
    public static IEnumerable<(string Name, double Value)> Figures(PreferenceRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var normal = row[AudioPerturbation.Normal];
        yield return ("normal_j", normal.J ?? 0);
        yield return ("normal_f", normal.F ?? 0);
        yield return ("counter_j", row.Counter.J ?? 0);
        yield return ("counter_f", row.Counter.F ?? 0);
        foreach (var c in JConditions.Where(row.Test.ContainsKey))
        {
            yield return ($"{c}_j", row[c].J ?? 0);
            yield return ($"{c}_delta_j", row[c].DeltaJ ?? 0);
        }

        foreach (var c in NullConditions.Where(row.Test.ContainsKey))
        {
            yield return ($"null_s_{c}", row[c].NullS ?? 0);
        }

        foreach (var (c, s) in row.Test.Where(kv => kv.Value.Reliance is not null))
        {
            yield return ($"reliance_{c}", s.Reliance!.Value);
        }

        if (row.SwappedBelowOwn is { } below)
        {
            yield return ("swapped_below_own", below);
        }
    }

    /// <summary>
    /// Groups the runs that share a recipe and ran with at least two different seeds, in table order, with the mean and
    /// sample standard deviation of every figure they all have.
    /// </summary>
    public static IReadOnlyList<SeedSummary> SeedSummaries(IReadOnlyList<PreferenceRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.GroupBy(r => r.Recipe, StringComparer.Ordinal)
            .Where(g => g.Select(r => r.Seed).Distinct().Count() >= 2)
            .Select(g =>
            {
                var figures = g.Select(r => Figures(r).ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal)).ToList();
                var names = Figures(g.First()).Select(f => f.Name).Where(n => figures.All(f => f.ContainsKey(n)));
                return new SeedSummary(
                    g.Key, g.First().Model, [.. g.Select(r => r.Name)], [.. g.Select(r => r.Seed)],
                    names.ToDictionary(n => n, n => MeanSd.Of([.. figures.Select(f => f[n])]), StringComparer.Ordinal));
            })
            .ToList();
    }

    /// <summary>
    /// Writes <paramref name="dataset"/> into the preference.json at <paramref name="path"/>: an entry with the same name
    /// is replaced, other datasets' entries are kept (so one file holds the results of every preset).
    /// </summary>
    public static void WriteJson(string path, PreferenceDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var seeds = SeedSummaries(dataset.Runs);
        dataset = dataset with { Seeds = seeds.Count > 0 ? seeds : null };
        var existing = File.Exists(path) ? TryRead(path) ?? [] : [];
        var datasets = existing.Where(d => d.Name != dataset.Name).Append(dataset).ToList();
        File.WriteAllText(path, JsonSerializer.Serialize(new Document(datasets), Json));
    }

    /// <summary>Reads a preference.json.</summary>
    /// <exception cref="InvalidDataException">Malformed, or not in this format.</exception>
    public static IReadOnlyList<PreferenceDataset> ReadJson(string path) =>
        TryRead(path) ?? throw new InvalidDataException($"{path}: not a preference.json with \"datasets\".");

    /// <summary>The markdown tables of one dataset (J and F x100 with one decimal as in the paper; Delta in %).</summary>
    public static string Markdown(IReadOnlyList<PreferenceRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var md = new StringBuilder();
        var jConditions = JConditions.Where(c => rows.Any(r => r.Test.ContainsKey(c))).ToList();
        md.AppendLine("Where something visible sounds (and under mute, the paper's protocol): J and F against the original masks, ΔJ = relative drop from normal audio (higher = more audio-sensitive).")
            .AppendLine()
            .AppendLine("| run | model | normal J | normal F | " + string.Join(" | ", jConditions.Select(c => $"{c} J (ΔJ)")) + " | counter J | counter F |")
            .AppendLine("|---|---|---|---|" + string.Concat(jConditions.Select(_ => "---|")) + "---|---|");
        foreach (var r in rows)
        {
            var n = r[AudioPerturbation.Normal];
            md.AppendLine($"| {r.Name} | {r.Model} | {P(n.J)} | {P(n.F)} | " + string.Join(" | ", jConditions.Select(c => r.Test.TryGetValue(c, out var s) ? $"{P(s.J)} ({D(s.DeltaJ)})" : "-")) + $" | {P(r.Counter.J)} | {P(r.Counter.F)} |");
        }

        var nullConditions = NullConditions.Where(c => rows.Any(r => r.Test.ContainsKey(c))).ToList();
        md.AppendLine()
            .AppendLine("Where nothing visible sounds: Null S = sqrt(predicted foreground / all pixels), lower is better.")
            .AppendLine()
            .AppendLine("| run | model | " + string.Join(" | ", nullConditions) + " |")
            .AppendLine("|---|---|" + string.Concat(nullConditions.Select(_ => "---|")));
        foreach (var r in rows)
        {
            md.AppendLine($"| {r.Name} | {r.Model} | " + string.Join(" | ", nullConditions.Select(c => r.Test.TryGetValue(c, out var s) ? S(s.NullS) : "-")) + " |");
        }

        var relianceConditions = rows.SelectMany(r => r.Test.Where(kv => kv.Value.Reliance is not null).Select(kv => kv.Key)).Distinct(StringComparer.Ordinal).ToList();
        if (relianceConditions.Count > 0)
        {
            md.AppendLine()
                .AppendLine("Mean audio reliance per frame (docs/teso-model.md, \"Audio reliance\"; TeSO: its audio support, the baseline: the share of its mask that vanishes under silent audio), and the fraction of frames that score lower with swapped audio than with their own:")
                .AppendLine()
                .AppendLine("| run | model | " + string.Join(" | ", relianceConditions) + " | swapped < own |")
                .AppendLine("|---|---|" + string.Concat(relianceConditions.Select(_ => "---|")) + "---|");
            foreach (var r in rows)
            {
                md.AppendLine($"| {r.Name} | {r.Model} | " + string.Join(" | ", relianceConditions.Select(c => r.Test.TryGetValue(c, out var s) ? S(s.Reliance) : "-")) + $" | {D(r.SwappedBelowOwn)} |");
            }
        }

        return md.ToString();
    }

    /// <summary>The seed table (mean ± sd; J x100, Delta in %, Null S and reliance as fractions); empty when no recipe ran with several seeds.</summary>
    public static string SeedMarkdown(IReadOnlyList<PreferenceRow> rows)
    {
        var summaries = SeedSummaries(rows);
        if (summaries.Count == 0)
        {
            return string.Empty;
        }

        string[] columns = ["normal_j", "counter_j", "mute_delta_j", "wgn-10_delta_j", "wgn-40_delta_j", "off-screen_j", "null_s_mute", "null_s_noise-floor", "null_s_dither", "null_s_swapped", "reliance_normal", "reliance_swapped", "swapped_below_own"];
        var shown = columns.Where(c => summaries.Any(s => s.Figures.ContainsKey(c))).ToList();
        var md = new StringBuilder();
        md.AppendLine("| recipe | seeds | " + string.Join(" | ", shown) + " |");
        md.AppendLine("|---|---|" + string.Concat(shown.Select(_ => "---|")));
        foreach (var s in summaries)
        {
            md.AppendLine($"| {s.Recipe} | {string.Join(", ", s.Seeds)} | " + string.Join(" | ", shown.Select(c => s.Figures.TryGetValue(c, out var v) ? Cell(c, v) : "-")) + " |");
        }

        return md.ToString();
    }

    private static string Cell(string figure, MeanSd v) =>
        figure.EndsWith("_j", StringComparison.Ordinal) ? $"{P(v.Mean)} ± {P(v.Sd)}"
        : figure.Contains("delta", StringComparison.Ordinal) || figure == "swapped_below_own" ? $"{D(v.Mean)} ± {P(v.Sd)}"
        : $"{S(v.Mean)} ± {S(v.Sd)}";

    private static IReadOnlyList<PreferenceDataset>? TryRead(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Document>(File.ReadAllText(path), Json)?.Datasets;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string P(double? value) => value is { } v ? (100 * v).ToString("0.0", CultureInfo.InvariantCulture) : "-";

    private static string D(double? delta) => delta is { } d ? (100 * d).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    private static string S(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    private sealed record Document([property: JsonPropertyName("datasets")] IReadOnlyList<PreferenceDataset> Datasets);
}

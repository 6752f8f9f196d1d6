using System.Text.Json.Serialization;

namespace SegPref.Models.Segmentation.Preference;

/// <summary>The preference results on one dataset (a preset of AVS-Synth, or real data) in preference.json.</summary>
/// <param name="Name">The dataset's name in the results (e.g. "realistic", "standard").</param>
/// <param name="Data">Where it was read from.</param>
/// <param name="Runs">One row per run.</param>
/// <param name="Seeds">Recipes that ran with two or more seeds: means and sds (absent when none did).</param>
public sealed record PreferenceDataset(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("data")] string Data,
    [property: JsonPropertyName("runs")] IReadOnlyList<PreferenceRow> Runs,
    [property: JsonPropertyName("seeds"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SeedSummary>? Seeds = null);

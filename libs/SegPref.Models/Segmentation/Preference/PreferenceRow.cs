using System.Text.Json.Serialization;

namespace SegPref.Models.Segmentation.Preference;

/// <summary>One run's line of the preference tables: the test split under every audio condition, and test-counter.</summary>
/// <param name="Name">Run name (its folder name).</param>
/// <param name="Model">"teso" or "audio-only".</param>
/// <param name="Recipe">The run's recipe without its seed (<see cref="RunRecipe.Describe"/>).</param>
/// <param name="Seed">Training seed.</param>
/// <param name="Cues">Cue source ("predicted" / "ground-truth"; the baseline has none).</param>
/// <param name="Test">Test split, by condition (<see cref="SegPref.Avs.Evaluation.AudioConditions.Benchmark"/>).</param>
/// <param name="Counter">test-counter, normal audio.</param>
/// <param name="SwappedBelowOwn">Fraction of test frames whose audio reliance is lower with swapped audio than with their own.</param>
public sealed record PreferenceRow(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("recipe")] string Recipe,
    [property: JsonPropertyName("seed")] int Seed,
    [property: JsonPropertyName("cues"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Cues,
    [property: JsonPropertyName("test")] IReadOnlyDictionary<string, ConditionScores> Test,
    [property: JsonPropertyName("counter")] ConditionScores Counter,
    [property: JsonPropertyName("swapped_below_own"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? SwappedBelowOwn)
{
    /// <summary>Per-frame audio reliance on test by condition (for the histogram figure; not written to JSON).</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, IReadOnlyList<double>> RelianceByFrame { get; init; } = new Dictionary<string, IReadOnlyList<double>>();

    /// <summary>The test scores under <paramref name="condition"/>.</summary>
    /// <exception cref="KeyNotFoundException">The row has no such condition.</exception>
    public ConditionScores this[string condition] => Test.TryGetValue(condition, out var s) ? s
        : throw new KeyNotFoundException($"{Name}: no '{condition}' scores (has {string.Join(", ", Test.Keys)}).");
}

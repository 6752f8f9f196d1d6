using System.Text.Json.Serialization;

namespace SegPref.Models.Segmentation.Preference;

/// <summary>One recipe repeated with several seeds: the preference figures as mean and standard deviation.</summary>
/// <param name="Recipe">The recipe (<see cref="RunRecipe.Describe"/>).</param>
/// <param name="Runs">The runs' names.</param>
/// <param name="Seeds">Their seeds.</param>
/// <param name="NormalJ">Normal-audio test J.</param>
/// <param name="MuteDeltaJ">Mute Delta J.</param>
/// <param name="NullSMute">Null S under muted audio.</param>
/// <param name="CounterJ">test-counter J.</param>
public sealed record SeedSummary(
    [property: JsonPropertyName("recipe")] string Recipe,
    [property: JsonPropertyName("runs")] IReadOnlyList<string> Runs,
    [property: JsonPropertyName("seeds")] IReadOnlyList<int> Seeds,
    [property: JsonPropertyName("normal_j")] MeanSd NormalJ,
    [property: JsonPropertyName("mute_delta_j")] MeanSd MuteDeltaJ,
    [property: JsonPropertyName("null_s_mute")] MeanSd NullSMute,
    [property: JsonPropertyName("counter_j")] MeanSd CounterJ);

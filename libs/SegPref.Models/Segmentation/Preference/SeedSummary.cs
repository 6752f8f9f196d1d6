using System.Text.Json.Serialization;

namespace SegPref.Models.Segmentation.Preference;

/// <summary>One recipe repeated with several seeds: every headline figure (<see cref="PreferenceReport.Figures"/>) as mean and sd.</summary>
/// <param name="Recipe">The recipe (<see cref="RunRecipe.Describe"/>).</param>
/// <param name="Model">"teso" or "audio-only".</param>
/// <param name="Runs">The runs' names.</param>
/// <param name="Seeds">Their seeds.</param>
/// <param name="Figures">Figure name (e.g. normal_j, mute_delta_j, null_s_swapped) -> mean and sample sd over the seeds.</param>
public sealed record SeedSummary(
    [property: JsonPropertyName("recipe")] string Recipe,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("runs")] IReadOnlyList<string> Runs,
    [property: JsonPropertyName("seeds")] IReadOnlyList<int> Seeds,
    [property: JsonPropertyName("figures")] IReadOnlyDictionary<string, MeanSd> Figures);

using System.Text.Json.Serialization;

namespace SegPref.Models.Segmentation.Preference;

/// <summary>Mean and sample standard deviation of one figure over the seeds of a recipe.</summary>
/// <param name="Mean">Mean.</param>
/// <param name="Sd">Sample standard deviation (n - 1).</param>
public sealed record MeanSd(
    [property: JsonPropertyName("mean")] double Mean,
    [property: JsonPropertyName("sd")] double Sd)
{
    /// <summary>Mean and sample standard deviation of <paramref name="values"/> (at least two).</summary>
    /// <exception cref="ArgumentException">Fewer than two values.</exception>
    public static MeanSd Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 2)
        {
            throw new ArgumentException("A standard deviation needs at least two values.", nameof(values));
        }

        var mean = values.Average();
        return new MeanSd(mean, Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)));
    }
}

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

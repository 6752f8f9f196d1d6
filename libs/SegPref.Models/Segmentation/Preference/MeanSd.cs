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

using System.Text.Json.Serialization;

namespace SegPref.Models.Segmentation.Training;

/// <summary>What <c>segpref calibrate</c> chose for a TeSO run with the paper's (or the peak) dynamic mask: the keep threshold.</summary>
/// <param name="Threshold">The chosen threshold (now <see cref="SegmenterOptions.KeepThreshold"/> in segmenter.json).</param>
/// <param name="Before">The trial of threshold 0 (the paper's rule).</param>
/// <param name="Chosen">The chosen trial.</param>
/// <param name="Grid">Every threshold tried.</param>
public sealed record KeepThresholdCalibration(
    [property: JsonPropertyName("threshold")] double Threshold,
    [property: JsonPropertyName("before")] KeepThresholdTrial Before,
    [property: JsonPropertyName("chosen")] KeepThresholdTrial Chosen,
    [property: JsonPropertyName("grid")] IReadOnlyList<KeepThresholdTrial> Grid);

using System.Text.Json.Serialization;

namespace SegPref.Models.Segmentation.Training;

/// <summary>One keep threshold tried on val (<see cref="KeepThresholdCalibrator"/>).</summary>
/// <param name="Threshold">The keep threshold on SeDAM's relevance logits.</param>
/// <param name="ValJ">Val J (mIoU) with the clips' own audio.</param>
/// <param name="FloorBlank">Share of val frames left blank (no cue survives) under the clip's noise floor alone.</param>
/// <param name="SwappedBlank">Share of val frames left blank under another clip's audio (none of the visible classes sounds).</param>
/// <param name="Score">The objective: the mean of <paramref name="ValJ"/> and <paramref name="FloorBlank"/>.</param>
public sealed record KeepThresholdTrial(
    [property: JsonPropertyName("threshold")] double Threshold,
    [property: JsonPropertyName("val_j")] double ValJ,
    [property: JsonPropertyName("floor_blank")] double FloorBlank,
    [property: JsonPropertyName("swapped_blank")] double SwappedBlank,
    [property: JsonPropertyName("score")] double Score);

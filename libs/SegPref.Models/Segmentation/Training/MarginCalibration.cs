using System.Text.Json.Serialization;

namespace SegPref.Models.Segmentation.Training;

/// <summary>What <c>segpref calibrate</c> chose: SeDAM's margin picked on val (normal audio), recorded in segmenter.json.</summary>
/// <param name="LearnedMargin">The margin training ended with.</param>
/// <param name="Margin">The chosen margin (now in weights.bin).</param>
/// <param name="ValMIoUBefore">Val mIoU with the learned margin.</param>
/// <param name="ValMIoU">Val mIoU with the chosen margin.</param>
/// <param name="Grid">Every margin tried with its val mIoU and silent-frame fraction.</param>
public sealed record MarginCalibration(
    [property: JsonPropertyName("learned_margin")] double LearnedMargin,
    [property: JsonPropertyName("margin")] double Margin,
    [property: JsonPropertyName("val_miou_before")] double ValMIoUBefore,
    [property: JsonPropertyName("val_miou")] double ValMIoU,
    [property: JsonPropertyName("grid")] IReadOnlyList<MarginTrial> Grid);

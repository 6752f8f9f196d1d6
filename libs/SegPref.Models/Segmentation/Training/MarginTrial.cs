using System.Text.Json.Serialization;

namespace SegPref.Models.Segmentation.Training;

/// <summary>One margin tried on val.</summary>
/// <param name="Margin">The margin.</param>
/// <param name="ValMIoU">Val mIoU (normal audio).</param>
/// <param name="SilentFrames">Fraction of val frames declared silent (every val frame has a sounding object).</param>
public sealed record MarginTrial(
    [property: JsonPropertyName("margin")] double Margin,
    [property: JsonPropertyName("val_miou")] double ValMIoU,
    [property: JsonPropertyName("silent_frames")] double SilentFrames);

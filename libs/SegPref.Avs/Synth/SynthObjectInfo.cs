using System.Text.Json.Serialization;

namespace SegPref.Avs.Synth;

/// <summary>One object drawn in one AVS-Synth frame.</summary>
/// <param name="Kind">The class name: an AVSS class for sound-capable objects, or a distractor kind (chair, table, ...).</param>
/// <param name="Sounding">Whether the object makes sound in this frame (always false for distractors).</param>
/// <param name="Distractor">True for silent distractor kinds that are never sounding and map to background.</param>
/// <param name="Box">Bounding box [x, y, width, height] in pixels, before occlusion.</param>
public sealed record SynthObjectInfo(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("sounding")] bool Sounding,
    [property: JsonPropertyName("distractor")] bool Distractor,
    [property: JsonPropertyName("box")] int[] Box);

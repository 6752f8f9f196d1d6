using System.Text.Json.Serialization;

namespace SegPref.Avs.Synth;

/// <summary>AVS-Synth's extras for one frame: what a captioner should say and the potential sounding objects.</summary>
/// <param name="Index">Frame index (0-based, one frame per second).</param>
/// <param name="Description">Scene description of the frame (visible objects, positions, states).</param>
/// <param name="Cues">Ground-truth text cues: visible sound-capable classes in order of mention, at most 4, padded with "None".</param>
/// <param name="Objects">Objects in drawing order (later ones occlude earlier ones).</param>
public sealed record SynthFrameInfo(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("cues")] string[] Cues,
    [property: JsonPropertyName("objects")] SynthObjectInfo[] Objects)
{
    /// <summary>
    /// Classes audible in this second from sources that are not visible (realistic preset; null where the dataset has
    /// no off-screen sources). They are not in the ground-truth mask.
    /// </summary>
    [JsonPropertyName("off_screen")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string[]? OffScreen { get; init; }

    /// <summary>The sounding visible classes (sound-capable objects that sound here), distinct, in drawing order.</summary>
    [JsonIgnore]
    public IEnumerable<string> SoundingVisible => Objects.Where(o => o.Sounding && !o.Distractor).Select(o => o.Kind).Distinct(StringComparer.Ordinal);

    /// <summary>Every class audible in this second: the sounding visible ones and the off-screen ones.</summary>
    [JsonIgnore]
    public IEnumerable<string> Audible => SoundingVisible.Concat(OffScreen ?? []).Distinct(StringComparer.Ordinal);
}

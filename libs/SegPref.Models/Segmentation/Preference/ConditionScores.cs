using System.Text.Json.Serialization;

namespace SegPref.Models.Segmentation.Preference;

/// <summary>
/// One run's scores under one audio condition. J/F (against the original masks) where something visible sounds, and for
/// mute (the paper's protocol); Null S where nothing visible sounds; the mean audio reliance everywhere. Delta = relative
/// drop from normal audio. Fractions in [0, 1] (Delta may be negative).
/// </summary>
/// <param name="J">mIoU (null where nothing visible sounds, mute excepted).</param>
/// <param name="F">F-score (null where J is).</param>
/// <param name="DeltaJ">(J_normal - J) / J_normal; null for normal audio and where J is null.</param>
/// <param name="DeltaF">(F_normal - F) / F_normal; likewise.</param>
/// <param name="NullS">Null S = sqrt(foreground pixels / pixels) over every frame (null where something visible sounds).</param>
/// <param name="Reliance">Mean per-frame audio reliance.</param>
/// <param name="KeptCues">TeSO: fraction of the valid cues SeDAM kept.</param>
/// <param name="SilentFrames">TeSO: fraction of frames with no cue kept (declared silent).</param>
public sealed record ConditionScores(
    [property: JsonPropertyName("j"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? J,
    [property: JsonPropertyName("f"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? F,
    [property: JsonPropertyName("delta_j"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? DeltaJ = null,
    [property: JsonPropertyName("delta_f"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? DeltaF = null,
    [property: JsonPropertyName("null_s"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? NullS = null,
    [property: JsonPropertyName("reliance"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Reliance = null,
    [property: JsonPropertyName("kept_cues"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? KeptCues = null,
    [property: JsonPropertyName("silent_frames"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? SilentFrames = null);

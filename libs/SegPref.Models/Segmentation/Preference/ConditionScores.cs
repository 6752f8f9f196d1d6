using System.Text.Json.Serialization;

namespace SegPref.Models.Segmentation.Preference;

/// <summary>J and F under one audio condition; Delta = relative drop from normal audio (fractions in [0, 1], may be negative).</summary>
/// <param name="J">mIoU.</param>
/// <param name="F">F-score.</param>
/// <param name="DeltaJ">(J_normal - J) / J_normal; null for the normal condition itself.</param>
/// <param name="DeltaF">(F_normal - F) / F_normal; null for the normal condition itself.</param>
public sealed record ConditionScores(
    [property: JsonPropertyName("j")] double J,
    [property: JsonPropertyName("f")] double F,
    [property: JsonPropertyName("delta_j"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? DeltaJ = null,
    [property: JsonPropertyName("delta_f"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? DeltaF = null);

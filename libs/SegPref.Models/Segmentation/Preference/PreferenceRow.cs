using System.Text.Json.Serialization;

namespace SegPref.Models.Segmentation.Preference;

/// <summary>One run's line of the preference table (the paper's Table 3 layout plus test-counter).</summary>
/// <param name="Name">Run name (its folder name).</param>
/// <param name="Model">"teso" or "audio-only".</param>
/// <param name="Normal">Test, normal audio.</param>
/// <param name="Mute">Test, muted audio.</param>
/// <param name="Wgn10">Test, white noise at -10 dB.</param>
/// <param name="Wgn40">Test, white noise at -40 dB.</param>
/// <param name="NullSMute">Null S under muted audio.</param>
/// <param name="Counter">test-counter, normal audio.</param>
/// <param name="Cues">Cue source ("predicted" / "ground-truth"; the baseline has none).</param>
/// <param name="DynamicMask">Whether SeDAM's dynamic mask was on.</param>
/// <param name="InfoNceWeight">InfoNCE weight.</param>
/// <param name="Seed">Training seed.</param>
/// <param name="KeptCuesNormal">TeSO: fraction of valid cues kept under normal audio.</param>
/// <param name="KeptCuesMute">TeSO: fraction of valid cues kept under muted audio.</param>
/// <param name="Recipe">The run's recipe without its seed (<see cref="RunRecipe.Describe"/>; absent in older files).</param>
public sealed record PreferenceRow(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("normal")] ConditionScores Normal,
    [property: JsonPropertyName("mute")] ConditionScores Mute,
    [property: JsonPropertyName("wgn-10")] ConditionScores Wgn10,
    [property: JsonPropertyName("wgn-40")] ConditionScores Wgn40,
    [property: JsonPropertyName("null_s_mute")] double NullSMute,
    [property: JsonPropertyName("counter")] ConditionScores Counter,
    [property: JsonPropertyName("cues")] string? Cues,
    [property: JsonPropertyName("dynamic_mask")] bool DynamicMask,
    [property: JsonPropertyName("infonce_weight")] double InfoNceWeight,
    [property: JsonPropertyName("seed")] int Seed,
    [property: JsonPropertyName("kept_cues_normal")] double? KeptCuesNormal,
    [property: JsonPropertyName("kept_cues_mute")] double? KeptCuesMute,
    [property: JsonPropertyName("recipe"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Recipe = null);

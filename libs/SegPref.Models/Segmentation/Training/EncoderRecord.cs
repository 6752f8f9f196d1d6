using System.Text.Json.Serialization;

namespace SegPref.Models.Segmentation.Training;

/// <summary>The frozen encoders a segmenter run was trained with.</summary>
/// <param name="Audio">train-audio run folder.</param>
/// <param name="AudioFingerprint">Its weights' fingerprint.</param>
/// <param name="Cues">train-cues run folder.</param>
/// <param name="CueFingerprint">Its weights' fingerprint.</param>
/// <param name="Captioner">train-captioner run folder (null for ground-truth cues).</param>
/// <param name="CaptionerFingerprint">Its weights' fingerprint.</param>
public sealed record EncoderRecord(
    [property: JsonPropertyName("audio")] string Audio,
    [property: JsonPropertyName("audio_fingerprint")] string AudioFingerprint,
    [property: JsonPropertyName("cues")] string Cues,
    [property: JsonPropertyName("cue_fingerprint")] string CueFingerprint,
    [property: JsonPropertyName("captioner")] string? Captioner,
    [property: JsonPropertyName("captioner_fingerprint")] string? CaptionerFingerprint);

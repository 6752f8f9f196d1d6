using System.Text.Json.Serialization;

namespace SegPref.Inference.Repository;

/// <summary>
/// What a caller does to raw data before the graph sees it. Image models: resize to <see cref="ImageSize"/> and
/// normalise with <see cref="Mean"/>/<see cref="Std"/> (RGB, [0,1] scale). Audio: VGGish log-mel examples of
/// <see cref="LogMelFrames"/> x <see cref="LogMelBands"/>. Cues: <see cref="CueSlots"/> words per frame, looked up
/// in the vocabulary file (trimmed, lower-cased; "None"/blank -> -1, unknown -> -2).
/// </summary>
public sealed record ModelPreprocessing
{
    /// <summary>Square side frames are resized to.</summary>
    [JsonPropertyName("image_size")] public int? ImageSize { get; init; }

    /// <summary>Per-channel mean (R, G, B).</summary>
    [JsonPropertyName("mean")] public IReadOnlyList<float>? Mean { get; init; }

    /// <summary>Per-channel standard deviation (R, G, B).</summary>
    [JsonPropertyName("std")] public IReadOnlyList<float>? Std { get; init; }

    /// <summary>Log-mel frames per example (96).</summary>
    [JsonPropertyName("log_mel_frames")] public int? LogMelFrames { get; init; }

    /// <summary>Log-mel bands (64).</summary>
    [JsonPropertyName("log_mel_bands")] public int? LogMelBands { get; init; }

    /// <summary>Cue slots per frame (4).</summary>
    [JsonPropertyName("cue_slots")] public int? CueSlots { get; init; }
}

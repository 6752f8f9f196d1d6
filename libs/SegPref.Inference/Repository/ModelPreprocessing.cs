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

    /// <summary>Captioner: most tokens a caption may have, &lt;bos&gt; included (greedy decoding runs MaxTokens - 1 steps).</summary>
    [JsonPropertyName("max_tokens")] public int? MaxTokens { get; init; }

    /// <summary>Captioner: id of &lt;bos&gt;.</summary>
    [JsonPropertyName("bos_id")] public int? BosId { get; init; }

    /// <summary>Captioner: id of &lt;eos&gt;.</summary>
    [JsonPropertyName("eos_id")] public int? EosId { get; init; }

    /// <summary>Captioner: the first id that is a word (lower ids are special tokens, left out of captions).</summary>
    [JsonPropertyName("first_word_id")] public int? FirstWordId { get; init; }

    /// <summary>Vision-encoder-decoder captioner: the first decoder input id when it differs from <see cref="BosId"/> (Hugging Face's decoder_start_token_id).</summary>
    [JsonPropertyName("decoder_start_id")] public int? DecoderStartId { get; init; }

    /// <summary>Vision-encoder-decoder captioner: factor raw 0-255 pixels are multiplied by before <see cref="Mean"/>/<see cref="Std"/> (Hugging Face's rescale_factor; default 1/255).</summary>
    [JsonPropertyName("rescale_factor")] public float? RescaleFactor { get; init; }

    /// <summary>Text encoder: L2-normalise the graph's output (CLIP/ImageBind-style encoders that return raw projections).</summary>
    [JsonPropertyName("normalize")] public bool? Normalize { get; init; }
}

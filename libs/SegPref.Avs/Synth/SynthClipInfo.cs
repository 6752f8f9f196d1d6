using System.Text.Json;
using System.Text.Json.Serialization;

namespace SegPref.Avs.Synth;

/// <summary>Contents of an AVS-Synth clip's <c>synth.json</c>.</summary>
/// <param name="Uid">Clip id.</param>
/// <param name="Split">train, val, test or test-counter.</param>
/// <param name="Frames">Per-frame extras.</param>
public sealed record SynthClipInfo(
    [property: JsonPropertyName("uid")] string Uid,
    [property: JsonPropertyName("split")] string Split,
    [property: JsonPropertyName("frames")] SynthFrameInfo[] Frames)
{
    /// <summary>The realistic preset's noise floor (noise.wav); null in the standard preset.</summary>
    [JsonPropertyName("noise")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SynthNoiseInfo? Noise { get; init; }

    /// <summary>The literal that pads cue lists to four slots.</summary>
    public const string NoneCue = "None";

    /// <summary>Number of cue slots per frame.</summary>
    public const int CueSlots = 4;

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>Serialises to JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Parses <c>synth.json</c> text; <paramref name="source"/> names the file in error messages.</summary>
    /// <exception cref="InvalidDataException">The JSON is malformed or incomplete.</exception>
    public static SynthClipInfo Parse(string json, string source)
    {
        try
        {
            var info = JsonSerializer.Deserialize<SynthClipInfo>(json, JsonOptions);
            if (info?.Frames is null || info.Uid is null)
            {
                throw new InvalidDataException($"{source}: missing 'uid' or 'frames'.");
            }

            return info;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source}: malformed synth.json: {ex.Message}", ex);
        }
    }
}

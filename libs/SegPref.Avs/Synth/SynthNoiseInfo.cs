using System.Text.Json.Serialization;

namespace SegPref.Avs.Synth;

/// <summary>A realistic clip's noise floor.</summary>
/// <param name="RmsDbfs">Its RMS level in dBFS before any peak scaling of the mix.</param>
public sealed record SynthNoiseInfo([property: JsonPropertyName("rms_dbfs")] double RmsDbfs);

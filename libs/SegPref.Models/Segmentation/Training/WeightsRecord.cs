using System.Text.Json.Serialization;

namespace SegPref.Models.Segmentation.Training;

/// <summary>An imported weights file a run started from.</summary>
/// <param name="Path">The file (absolute path at training time).</param>
/// <param name="Fingerprint">First 12 hex digits of SHA-256 of its bytes.</param>
public sealed record WeightsRecord(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("fingerprint")] string Fingerprint);

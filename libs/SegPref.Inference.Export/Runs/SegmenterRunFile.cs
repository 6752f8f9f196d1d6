using System.Text.Json.Serialization;
using SegPref.Models.Segmentation;

namespace SegPref.Inference.Export.Runs;

/// <summary>
/// segmenter.json of a TeSO / audio-only run folder (next to weights.bin, the TorchSharp module.save of the segmenter).
/// </summary>
public sealed record SegmenterRunFile
{
    /// <summary>File name inside a run folder.</summary>
    public const string FileName = "segmenter.json";

    /// <summary>"teso" or "audio-only".</summary>
    [JsonPropertyName("kind")] public required string Kind { get; init; }

    /// <summary>The sizes the segmenter was built with.</summary>
    [JsonPropertyName("options")] public required SegmenterOptions Options { get; init; }

    /// <summary>Scores the run reached (e.g. test_miou), copied into the repository's config.json.</summary>
    [JsonPropertyName("metrics")] public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>The command that trained the run.</summary>
    [JsonPropertyName("command")] public string? Command { get; init; }
}

using System.Text.Json.Serialization;

namespace SegPref.Inference.Repository;

/// <summary>Where a repository entry came from.</summary>
/// <param name="Run">The training run folder it was exported from (or the third-party origin).</param>
/// <param name="Command">The command that produced the entry (run it again to rebuild).</param>
/// <param name="Created">When the source weights were written (UTC, ISO 8601), so re-exports are byte-identical.</param>
public sealed record ModelSource(
    [property: JsonPropertyName("run")] string Run,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("created")] string Created);

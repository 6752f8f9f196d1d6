using System.Text.Json.Serialization;

namespace SegPref.Inference.Repository;

/// <summary>Inputs and outputs of an extra graph of a multi-graph entry (the captioner's decoder step).</summary>
/// <param name="Inputs">Graph inputs.</param>
/// <param name="Outputs">Graph outputs.</param>
public sealed record GraphSpec(
    [property: JsonPropertyName("inputs")] IReadOnlyList<TensorSpec> Inputs,
    [property: JsonPropertyName("outputs")] IReadOnlyList<TensorSpec> Outputs);

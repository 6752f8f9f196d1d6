using System.Text.Json.Serialization;

namespace SegPref.Inference.Repository;

/// <summary>One model input or output as config.json declares it.</summary>
/// <param name="Name">Tensor name in the ONNX graph.</param>
/// <param name="Dtype">float32, int64 or bool.</param>
/// <param name="Shape">Dimensions, -1 for a dynamic one.</param>
public sealed record TensorSpec(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("dtype")] string Dtype,
    [property: JsonPropertyName("shape")] IReadOnlyList<long> Shape)
{
    /// <summary>The dtypes the sessions support.</summary>
    public static IReadOnlyList<string> Dtypes { get; } = ["float32", "int64", "bool"];

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {Dtype}[{string.Join(",", Shape ?? [])}]";
}

using System.Text.Json;
using System.Text.Json.Serialization;
using SegPref.Inference.Export.Graph;
using SegPref.Inference.Export.Repository;
using SegPref.Inference.Repository;
using SegPref.Media.Imaging;
using SegPref.Models.Segmentation;

namespace SegPref.Inference.Export.Segmentation;

/// <summary>Exports a segmenter into a repository entry: model.onnx + config.json.</summary>
public static class SegmenterEntry
{
    private static readonly JsonSerializerOptions DetailsJson = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The config.json of <paramref name="model"/>'s entry.</summary>
    public static ModelConfig Config(Segmenter model, string name, string version, IReadOnlyDictionary<string, double> metrics, ModelSource? source)
    {
        ArgumentNullException.ThrowIfNull(model);
        var o = model.Options;
        var s = (long)o.ImageSize;
        var teso = model is TesoSegmenter;
        var inputs = new List<TensorSpec>
        {
            new(TensorNames.Frames, "float32", [-1, 3, s, s]),
            new(TensorNames.Audio, "float32", [-1, o.AudioDim]),
        };
        if (teso)
        {
            inputs.Add(new(TensorNames.Cues, "float32", [-1, o.CueSlots, o.TextDim]));
            inputs.Add(new(TensorNames.CueValid, "bool", [-1, o.CueSlots]));
        }

        var kind = teso ? "teso" : "audio-only";
        return new ModelConfig
        {
            Name = name,
            Version = version,
            Kind = ModelKinds.Segmenter,
            Architecture = kind,
            Opset = GraphBuilder.Opset,
            Files = new Dictionary<string, string> { [ModelConfig.ModelFile] = "model.onnx" },
            Inputs = inputs,
            Outputs = teso
                ? [new(TensorNames.MapLogits, "float32", [-1, s, s]), new(TensorNames.AudioSupport, "float32", [-1])]
                : [new(TensorNames.MapLogits, "float32", [-1, s, s])],
            Preprocessing = new ModelPreprocessing { ImageSize = o.ImageSize, Mean = [.. ImageTensor.ImageNetMean], Std = [.. ImageTensor.ImageNetStd], CueSlots = teso ? o.CueSlots : null },
            Metrics = metrics ?? new Dictionary<string, double>(),
            ModelDetails = JsonSerializer.SerializeToElement(new { kind, options = o }, DetailsJson),
            Source = source,
        };
    }

    /// <summary>Writes the entry under <paramref name="root"/>; returns its folder.</summary>
    public static string Write(Segmenter model, string root, string name, string version, IReadOnlyDictionary<string, double> metrics, ModelSource? source)
    {
        var config = Config(model, name, version, metrics, source);
        return EntryWriter.Write(root, config, new Dictionary<string, byte[]> { ["model.onnx"] = SegmenterExporter.Export(model) });
    }
}

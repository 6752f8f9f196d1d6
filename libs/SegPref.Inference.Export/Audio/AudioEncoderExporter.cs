using System.Globalization;
using Onnx;
using SegPref.Inference.Export.Graph;
using SegPref.Inference.Export.Repository;
using SegPref.Inference.Repository;
using SegPref.Media.Audio;
using SegPref.Models.Audio;
using static TorchSharp.torch;

namespace SegPref.Inference.Export.Audio;

/// <summary>
/// Exports the frozen <see cref="Vggish"/> encoder: log_mel [N,1,96,64] -> embeddings [N,128], exactly as
/// <see cref="AudioEncoderRun.EmbedTensor"/> (conv/ReLU/max-pool stack, NHWC flatten, three FC + ReLU); or, for
/// segmenters trained with <c>--audio-map</c>, the time-frequency map before the FC layers (<see cref="Vggish.Map"/>,
/// [N, 3072] for the small preset) under the same output name, so the services need no change.
/// </summary>
public static class AudioEncoderExporter
{
    // VggishLayers puts a 2x2 max-pool after these conv layers.
    private static readonly int[] PooledAfter = [0, 1, 3, 5];

    /// <summary>The serialized ONNX model of <paramref name="encoder"/>; with <paramref name="map"/> its output is the time-frequency map.</summary>
    public static byte[] Export(Vggish encoder, bool map = false)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.eval();
        using var noGrad = no_grad();
        var g = new GraphBuilder("vggish");
        var layers = new Layers(new Ops(g));
        var ops = layers.Ops;
        var w = new ModuleWeights(encoder);
        var x = g.Input(TensorNames.LogMel, TensorProto.Types.DataType.Float, "N", 1, LogMelExamples.FrameCount, LogMelExamples.BandCount);
        var index = 0;
        for (var i = 0; i < encoder.Preset.ConvChannels.Count; i++)
        {
            x = ops.Relu(layers.Conv2d(w.Scope($"features.{Key(index)}"), x, 1, 1));
            index += 2;
            if (PooledAfter.Contains(i))
            {
                x = layers.MaxPool2d(x, 2, 2, 0);
                index++;
            }
        }

        // torchvggish flattens in TensorFlow's NHWC order.
        x = ops.Reshape(ops.Transpose(x, 0, 2, 3, 1), 0, -1);
        if (map)
        {
            g.Output(x, TensorNames.Embeddings, TensorProto.Types.DataType.Float, "N", encoder.MapWidth);
            return g.ToBytes($"VGGish ({encoder.Preset.Name}) time-frequency map");
        }

        for (var i = 0; i < encoder.Preset.FcSizes.Count; i++)
        {
            x = ops.Relu(layers.Linear(w.Scope($"embeddings.{Key(2 * i)}"), x));
        }

        g.Output(x, TensorNames.Embeddings, TensorProto.Types.DataType.Float, "N", Vggish.EmbeddingSize);
        return g.ToBytes($"VGGish ({encoder.Preset.Name})");
    }

    /// <summary>Writes the entry of <paramref name="run"/> (its map with <paramref name="map"/>); returns its folder.</summary>
    public static string Write(AudioEncoderRun run, string root, string name, string version, ModelSource? source, bool map = false)
    {
        ArgumentNullException.ThrowIfNull(run);
        var config = new ModelConfig
        {
            Name = name,
            Version = version,
            Kind = ModelKinds.AudioEncoder,
            Architecture = "vggish",
            Opset = GraphBuilder.Opset,
            Files = new Dictionary<string, string> { [ModelConfig.ModelFile] = "model.onnx" },
            Inputs = [new(TensorNames.LogMel, "float32", [-1, 1, LogMelExamples.FrameCount, LogMelExamples.BandCount])],
            Outputs = [new(TensorNames.Embeddings, "float32", [-1, map ? run.Encoder.MapWidth : Vggish.EmbeddingSize])],
            Preprocessing = new ModelPreprocessing { LogMelFrames = LogMelExamples.FrameCount, LogMelBands = LogMelExamples.BandCount },
            ModelDetails = System.Text.Json.JsonSerializer.SerializeToElement(new { preset = run.Config.Preset, classes = run.Config.ClassNames, features = map ? "map" : "embedding" }),
            Source = source,
        };
        return EntryWriter.Write(root, config, new Dictionary<string, byte[]> { ["model.onnx"] = Export(run.Encoder, map) });
    }

    private static string Key(int i) => i.ToString(CultureInfo.InvariantCulture);
}

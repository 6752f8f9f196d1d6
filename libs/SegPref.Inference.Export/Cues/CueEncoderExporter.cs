using System.Text.Json;
using Onnx;
using SegPref.Cues;
using SegPref.Inference.Export.Graph;
using SegPref.Inference.Export.Repository;
using SegPref.Inference.Repository;
using SegPref.Models.Cues;
using static TorchSharp.torch;

namespace SegPref.Inference.Export.Cues;

/// <summary>
/// Exports <see cref="CueEncoder"/>: cue_ids [N,4] int64 (vocabulary index, -1 padding, -2 unknown) -> cue_vectors
/// [N,4,D]: embedding, MLP, L2 normalisation, zero for negative ids, exactly as <see cref="CueEncoderRun.Encode"/>.
/// </summary>
public static class CueEncoderExporter
{
    private const float NormalizeEpsilon = 1e-12f;

    /// <summary>The serialized ONNX model of <paramref name="model"/>.</summary>
    public static byte[] Export(CueEncoder model)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.eval();
        using var noGrad = no_grad();
        var g = new GraphBuilder("cue_encoder");
        var layers = new Layers(new Ops(g));
        var ops = layers.Ops;
        var w = new ModuleWeights(model);
        var ids = g.Input(TensorNames.CueIds, TensorProto.Types.DataType.Int64, "N", CueSlots.Count);
        var zero = g.Int64Scalar("zero_id", 0);
        var known = layers.ToFloat(ops.GreaterOrEqual(ids, zero));
        var rows = ops.Gather(layers.Table(w.Scope("embedding")), ops.Max(ids, zero));
        var v = layers.Linear(w.Scope("fc2"), ops.Relu(layers.Linear(w.Scope("fc1"), rows)));
        var norm = ops.Max(g.Node("ReduceL2", [v], ("axes", new long[] { -1 }), ("keepdims", 1)), g.Scalar("eps", NormalizeEpsilon));
        var unit = ops.Mul(ops.Div(v, norm), ops.Unsqueeze(known, -1));
        g.Output(unit, TensorNames.CueVectors, TensorProto.Types.DataType.Float, "N", CueSlots.Count, model.OutputSize);
        return g.ToBytes("cue encoder (embedding + MLP + L2 norm)");
    }

    /// <summary>Writes the entry of <paramref name="run"/> (model.onnx + vocab.json); returns its folder.</summary>
    public static string Write(CueEncoderRun run, string root, string name, string version, ModelSource? source)
    {
        ArgumentNullException.ThrowIfNull(run);
        const string vocabFile = "vocab.json";
        var config = new ModelConfig
        {
            Name = name,
            Version = version,
            Kind = ModelKinds.CueEncoder,
            Architecture = "cue-mlp",
            Opset = GraphBuilder.Opset,
            Files = new Dictionary<string, string> { [ModelConfig.ModelFile] = "model.onnx", [ModelConfig.VocabularyFile] = vocabFile },
            Inputs = [new(TensorNames.CueIds, "int64", [-1, CueSlots.Count])],
            Outputs = [new(TensorNames.CueVectors, "float32", [-1, CueSlots.Count, run.Config.OutputSize])],
            Preprocessing = new ModelPreprocessing { CueSlots = CueSlots.Count },
            ModelDetails = JsonSerializer.SerializeToElement(new { embedding_size = run.Config.EmbeddingSize, hidden_size = run.Config.HiddenSize, output_size = run.Config.OutputSize }),
            Source = source,
        };
        var vocab = JsonSerializer.SerializeToUtf8Bytes(run.Vocabulary.Words);
        return EntryWriter.Write(root, config, new Dictionary<string, byte[]> { ["model.onnx"] = Export(run.Model), [vocabFile] = vocab });
    }
}

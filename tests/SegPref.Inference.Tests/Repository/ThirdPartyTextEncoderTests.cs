using Microsoft.ML.Tokenizers;
using Onnx;
using SegPref.Inference.Export.Graph;
using SegPref.Inference.Export.Repository;
using SegPref.Inference.Repository;
using SegPref.Inference.Sessions;

namespace SegPref.Inference.Tests.Repository;

public sealed class ThirdPartyTextEncoderTests
{
    private const int Dim = 6;
    private static readonly string[] Vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "dog", "guitar", "play", "##ing", "car", "piano"];

    [Fact]
    public void OnnxTextCueEmbedder_MixedLengthsAndPadding_EqualsMaskedMeanByHand()
    {
        using var dir = new TempDir();
        var table = Enumerable.Range(0, Vocab.Length * Dim).Select(i => (float)Math.Cos(i * 0.37)).ToArray();
        WriteEntry(dir.Path, table);

        using var repo = ModelRepository.Open(dir.Path, new InferenceOptions { Provider = ExecutionProvider.Cpu, IntraOpThreads = 1 });
        var embedder = repo.CueEncoder;
        string[][] frames = [["dog", "playing", "None", ""], ["None", "None", "None", "None"], ["Piano", "zebra", "car", "None"]];
        var (vectors, valid) = embedder.Embed(frames);

        Assert.IsType<OnnxTextCueEmbedder>(embedder);
        Assert.Equal(Dim, embedder.EmbeddingSize);
        Assert.Equal([true, true, false, false, false, false, false, false, true, true, true, false], valid);
        var tokenizer = BertTokenizer.Create(Path.Combine(dir.Path, "cue-encoder", "1", "vocab.txt"));
        foreach (var (f, s) in new[] { (0, 0), (0, 1), (2, 0), (2, 1), (2, 2) })
        {
            var ids = tokenizer.EncodeToIds(frames[f][s], addSpecialTokens: true, considerPreTokenization: true, considerNormalization: true);
            var expected = Enumerable.Range(0, Dim).Select(d => ids.Average(id => table[(id * Dim) + d])).ToArray();
            var norm = Math.Sqrt(expected.Sum(v => v * v));
            for (var d = 0; d < Dim; d++)
            {
                Assert.Equal(expected[d] / norm, vectors[(((f * 4) + s) * Dim) + d], 1e-5);
            }
        }

        Assert.Equal(0f, vectors[4 * Dim]);
        Assert.NotEqual(vectors[0], vectors[Dim]);
    }

    // A stand-in for an exported text encoder: mean of the token embeddings over the attention mask.
    private static void WriteEntry(string root, float[] table)
    {
        var g = new GraphBuilder("text_encoder");
        var ops = new Ops(g);
        var ids = g.Input(TensorNames.InputIds, TensorProto.Types.DataType.Int64, "B", "L");
        var mask = ops.Unsqueeze(ops.Cast(g.Input(TensorNames.AttentionMask, TensorProto.Types.DataType.Int64, "B", "L"), TensorProto.Types.DataType.Float), -1);
        var rows = ops.Mul(ops.Gather(g.Initializer("table", table, Vocab.Length, Dim), ids), mask);
        var mean = ops.Div(ops.ReduceSum(rows, [1], keepDims: false), ops.ReduceSum(mask, [1], keepDims: false));
        g.Output(mean, TensorNames.TextEmbeds, TensorProto.Types.DataType.Float, "B", Dim);
        var config = new ModelConfig
        {
            Name = "cue-encoder",
            Version = "1",
            Kind = ModelKinds.CueEncoder,
            Architecture = OnnxTextCueEmbedder.Architecture,
            Files = new Dictionary<string, string> { [ModelConfig.ModelFile] = "text.onnx", [OnnxTextCueEmbedder.TokenizerRole] = "vocab.txt" },
            Inputs = [new(TensorNames.InputIds, "int64", [-1, -1]), new(TensorNames.AttentionMask, "int64", [-1, -1])],
            Outputs = [new(TensorNames.TextEmbeds, "float32", [-1, Dim])],
            Preprocessing = new ModelPreprocessing { CueSlots = 4, Normalize = true },
        };
        EntryWriter.Write(root, config, new Dictionary<string, byte[]>
        {
            ["text.onnx"] = g.ToBytes("test text encoder"),
            ["vocab.txt"] = System.Text.Encoding.UTF8.GetBytes(string.Join("\n", Vocab) + "\n"),
        });
    }
}

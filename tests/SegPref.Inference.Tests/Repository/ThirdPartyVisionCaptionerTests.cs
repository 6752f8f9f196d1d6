using Onnx;
using SegPref.Inference.Export.Graph;
using SegPref.Inference.Export.Repository;
using SegPref.Inference.Repository;
using SegPref.Inference.Sessions;
using SegPref.Media.Imaging;

namespace SegPref.Inference.Tests.Repository;

public sealed class ThirdPartyVisionCaptionerTests
{
    private const int Size = 8;

    // GPT-2 style: one <|endoftext|> id is start, end and padding.
    private static readonly string[] Vocab = ["<|endoftext|>", "a", "Ġdog", "Ġbarks", "Ġ", "d", "o", "g", "Ġd", "og"];
    private static readonly InferenceOptions Cpu = new() { Provider = ExecutionProvider.Cpu, IntraOpThreads = 1 };

    [Fact]
    public void OpenCaptioner_BrightAndDarkFrames_DecodesGreedyIdsThroughGpt2Vocabulary()
    {
        using var dir = new TempDir();
        WriteEntry(dir.Path);

        using var repo = ModelRepository.Open(dir.Path, Cpu);
        var captioner = Assert.IsType<OnnxVisionEncoderDecoderCaptioner>(repo.Captioner);
        var captions = captioner.Describe([RgbImage.Filled(20, 12, (10, 10, 10)), RgbImage.Filled(5, 5, (250, 250, 250))]);

        Assert.Equal(["a dog barks", "a dog"], captions);
        Assert.Equal("captioner", captioner.Identity.Name);
    }

    [Fact]
    public void OpenCaptioner_MaxTokensReached_StopsWithoutEos()
    {
        using var dir = new TempDir();
        WriteEntry(dir.Path, maxTokens: 3);

        using var captioner = (IDisposable)ModelRepository.OpenCaptioner(dir.Path, Cpu);

        Assert.Equal(["a dog"], ((OnnxVisionEncoderDecoderCaptioner)captioner).Describe([RgbImage.Filled(4, 4, (0, 0, 0))]));
    }

    [Fact]
    public void OpenCaptioner_MissingMerges_ThrowsInvalidDataNamingTheFile()
    {
        using var dir = new TempDir();
        var entry = WriteEntry(dir.Path);
        File.Delete(Path.Combine(entry, "merges.txt"));

        var ex = Assert.Throws<InvalidDataException>(() => ModelRepository.OpenCaptioner(dir.Path, Cpu));

        Assert.Contains("merges.txt", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenCaptioner_EosIdOutsideVocabulary_ThrowsInvalidDataNamingTheField()
    {
        using var dir = new TempDir();
        WriteEntry(dir.Path, eosId: 42);

        var ex = Assert.Throws<InvalidDataException>(() => ModelRepository.OpenCaptioner(dir.Path, Cpu));

        Assert.Contains("eos_id = 42", ex.Message, StringComparison.Ordinal);
    }

    // Encoder: the frame's mean normalised pixel as one visual token. Decoder: a bigram table over the last token plus
    // a brightness bias on <|endoftext|>, so after "Ġdog" a bright frame ends and a dark one goes on to "Ġbarks".
    private static string WriteEntry(string root, int maxTokens = 8, int eosId = 0)
    {
        var v = Vocab.Length;
        var enc = new GraphBuilder("vision_encoder");
        var encOps = new Ops(enc);
        var pixels = enc.Input(OnnxVisionEncoderDecoderCaptioner.PixelValues, TensorProto.Types.DataType.Float, "B", 3, Size, Size);
        var hidden = encOps.Reshape(encOps.ReduceMean(pixels, [1, 2, 3], keepDims: false), -1, 1, 1);
        enc.Output(hidden, OnnxVisionEncoderDecoderCaptioner.LastHiddenState, TensorProto.Types.DataType.Float, "B", 1, 1);

        var table = new float[v * v];
        (table[(0 * v) + 1], table[(1 * v) + 2], table[(2 * v) + 3], table[(2 * v) + 0], table[(3 * v) + 0]) = (10, 10, 5, 4, 10);
        var bias = new float[v];
        bias[0] = 3;
        var dec = new GraphBuilder("text_decoder");
        var decOps = new Ops(dec);
        var ids = dec.Input(TensorNames.InputIds, TensorProto.Types.DataType.Int64, "B", "L");
        var states = dec.Input(OnnxVisionEncoderDecoderCaptioner.EncoderHiddenStates, TensorProto.Types.DataType.Float, "B", 1, 1);
        var logits = decOps.Add(decOps.Gather(dec.Initializer("bigram", table, v, v), ids), decOps.MatMul(states, dec.Initializer("bias", bias, 1, v)));
        dec.Output(logits, OnnxVisionEncoderDecoderCaptioner.Logits, TensorProto.Types.DataType.Float, "B", "L", v);

        var config = new ModelConfig
        {
            Name = "captioner",
            Version = "1",
            Kind = ModelKinds.Captioner,
            Architecture = OnnxVisionEncoderDecoderCaptioner.Architecture,
            Files = new Dictionary<string, string>
            {
                [ModelConfig.ModelFile] = "encoder_model.onnx",
                [OnnxCaptioner.DecoderRole] = "decoder_model.onnx",
                [OnnxVisionEncoderDecoderCaptioner.VocabRole] = "vocab.json",
                [OnnxVisionEncoderDecoderCaptioner.MergesRole] = "merges.txt",
            },
            Inputs = [new(OnnxVisionEncoderDecoderCaptioner.PixelValues, "float32", [-1, 3, Size, Size])],
            Outputs = [new(OnnxVisionEncoderDecoderCaptioner.LastHiddenState, "float32", [-1, 1, 1])],
            Graphs = new Dictionary<string, GraphSpec>
            {
                [OnnxCaptioner.DecoderRole] = new(
                    [new(TensorNames.InputIds, "int64", [-1, -1]), new(OnnxVisionEncoderDecoderCaptioner.EncoderHiddenStates, "float32", [-1, 1, 1])],
                    [new(OnnxVisionEncoderDecoderCaptioner.Logits, "float32", [-1, -1, v])]),
            },
            Preprocessing = new ModelPreprocessing { ImageSize = Size, Mean = [0.5f, 0.5f, 0.5f], Std = [0.5f, 0.5f, 0.5f], MaxTokens = maxTokens, BosId = 0, EosId = eosId },
        };
        var vocabJson = "{" + string.Join(", ", Vocab.Select((t, i) => $"\"{t}\": {i}")) + "}";
        return EntryWriter.Write(root, config, new Dictionary<string, byte[]>
        {
            ["encoder_model.onnx"] = enc.ToBytes("test vision encoder"),
            ["decoder_model.onnx"] = dec.ToBytes("test text decoder"),
            ["vocab.json"] = System.Text.Encoding.UTF8.GetBytes(vocabJson),
            ["merges.txt"] = System.Text.Encoding.UTF8.GetBytes("#version: 0.2\nĠ d\no g\nĠd og\n"),
        });
    }
}

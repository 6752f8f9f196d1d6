using Onnx;
using SegPref.Inference.Export.Graph;
using SegPref.Inference.Export.Repository;
using SegPref.Inference.Repository;
using SegPref.Media.Audio;

namespace SegPref.Inference.Tests.Repository;

public sealed class ThirdPartyAudioTests
{
    [Fact]
    public void OnnxAudioEmbedder_ThirdPartyVggishLayout_UsesItsOwnNamesAndRank()
    {
        // A stand-in for a third-party VGGish export: input "mel" [N,96,64] (no channel axis), output "emb" [N,128],
        // here relu(flatten(x) W) with a known W, so the expected embedding is computed by hand.
        const int width = 128;
        var weight = Enumerable.Range(0, LogMelExamples.ExampleSize * width).Select(i => ((i * 7919) % 13 - 6) / 100f).ToArray();
        var g = new GraphBuilder("vggish_like");
        var ops = new Ops(g);
        var x = g.Input("mel", TensorProto.Types.DataType.Float, "N", LogMelExamples.FrameCount, LogMelExamples.BandCount);
        var y = ops.Relu(ops.MatMul(ops.Reshape(x, 0, -1), g.Initializer("w", weight, LogMelExamples.ExampleSize, width)));
        g.Output(y, "emb", TensorProto.Types.DataType.Float, "N", width);
        using var dir = new TempDir();
        var config = new ModelConfig
        {
            Name = "audio-encoder",
            Version = "1",
            Kind = ModelKinds.AudioEncoder,
            Architecture = "vggish-onnx",
            Files = new Dictionary<string, string> { [ModelConfig.ModelFile] = "vggish.onnx" },
            Inputs = [new("mel", "float32", [-1, LogMelExamples.FrameCount, LogMelExamples.BandCount])],
            Outputs = [new("emb", "float32", [-1, width])],
        };
        EntryWriter.Write(dir.Path, config, new Dictionary<string, byte[]> { ["vggish.onnx"] = g.ToBytes("test") });
        var data = Enumerable.Range(0, 2 * LogMelExamples.ExampleSize).Select(i => (float)Math.Sin(i * 0.01)).ToArray();

        using var embedder = ModelRepository.OpenAudioEncoder(dir.Path, new InferenceOptions { Provider = ExecutionProvider.Cpu, IntraOpThreads = 1 });
        var actual = embedder.Embed(new LogMelExamples(data, 2));

        Assert.Equal(width, embedder.EmbeddingSize);
        var positive = 0;
        for (var n = 0; n < 2; n++)
        {
            for (var j = 0; j < width; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < LogMelExamples.ExampleSize; k++)
                {
                    sum += data[(n * LogMelExamples.ExampleSize) + k] * weight[(k * width) + j];
                }

                Assert.Equal(Math.Max(0, sum), actual[(n * width) + j], 1e-2);
                positive += sum > 0 ? 1 : 0;
            }
        }

        Assert.InRange(positive, 1, (2 * width) - 1);
    }
}

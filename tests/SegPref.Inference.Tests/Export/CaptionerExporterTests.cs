using SegPref.Inference.Export.Captioning;
using SegPref.Models.Captioning;
using static TorchSharp.torch;

namespace SegPref.Inference.Tests.Export;

[Collection(SeededTorch.Name)]
public sealed class CaptionerExporterTests
{
    internal static Captioner Model(long seed)
    {
        TestModels.Init(seed);
        var model = new Captioner(new CaptionerConfig { VocabularySize = 24, Width = 32, Heads = 4, Layers = 2, FeedForwardWidth = 48, MaxTokens = 12 });
        TestModels.Perturb(model);
        model.eval();
        return model;
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 5)]
    public void Export_EncoderAndDecoderStep_MatchTorchSharp(int n, int length)
    {
        using var model = Model(51);
        using var encoder = new OrtRunner(CaptionerExporter.ExportEncoder(model));
        using var decoder = new OrtRunner(CaptionerExporter.ExportDecoder(model));
        var c = model.Config;
        manual_seed(52);
        using var images = randn(n, 3, c.ImageSize, c.ImageSize);
        using var tokens = randint(0, c.VocabularySize, [n, length]);

        using var noGrad = no_grad();
        using var memory = model.Encode(images);
        using var logits = model.call(images, tokens);
        var expectedNext = TestModels.Floats(logits.select(1, length - 1).log_softmax(-1));
        var tokenCount = (int)memory.shape[1];
        var actualMemory = encoder.Run(OrtRunner.Float(CaptionerExporter.Images, TestModels.Floats(images), n, 3, c.ImageSize, c.ImageSize))[CaptionerExporter.Memory];
        var actualNext = decoder.Run(
            OrtRunner.Float(CaptionerExporter.Memory, TestModels.Floats(memory), n, tokenCount, c.Width),
            OrtRunner.Int64(CaptionerExporter.Tokens, tokens.data<long>().ToArray(), n, length))[CaptionerExporter.NextLogProbs];

        Assert.InRange(TestModels.MaxAbsDiff(TestModels.Floats(memory), actualMemory), 0f, 1e-4f);
        Assert.Equal(n * c.VocabularySize, actualNext.Length);
        Assert.InRange(TestModels.MaxAbsDiff(expectedNext, actualNext), 0f, 1e-4f);
    }
}

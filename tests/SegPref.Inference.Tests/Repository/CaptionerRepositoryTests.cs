using SegPref.Inference.Export;
using SegPref.Inference.Sessions;
using SegPref.Models.Captioning;

namespace SegPref.Inference.Tests.Repository;

[Collection(SeededTorch.Name)]
public sealed class CaptionerRepositoryTests(SynthClipFixture clip)
{
    [Fact]
    public void ExportedRun_RealFrames_GreedyCaptionsEqualTorchSharp()
    {
        using var dir = new TempDir();
        var vocabulary = CaptionVocabulary.Build(["a dog barks next to a guitar.", "a man plays the piano, a car passes.", "birds sing"]);
        TestModels.Init(61);
        using (var model = new Captioner(new CaptionerConfig { VocabularySize = vocabulary.Count, Width = 32, Heads = 4, Layers = 2, FeedForwardWidth = 48, MaxTokens = 10 }))
        {
            TestModels.Perturb(model);
            CaptionerRun.Save(dir.Sub("run"), model, vocabulary, new CaptionerRunConfig { Model = model.Config });
        }

        using var run = CaptionerRun.Load(dir.Sub("run"));
        RunExporter.Export(dir.Sub("run"), dir.Sub("models"), null, null, "segpref export");
        using var captioner = Assert.IsType<OnnxCaptioner>(ModelRepository.OpenCaptioner(dir.Sub("models"), new InferenceOptions { Provider = ExecutionProvider.Cpu, IntraOpThreads = 1 }));

        var expected = run.Describe(clip.Frames, DecodeOptions.Greedy);
        var actual = captioner.Describe(clip.Frames);

        Assert.Equal(expected, actual);
        Assert.Contains(actual, c => c.Length > 0);
        Assert.Equal("captioner", captioner.Identity.Name);
    }
}

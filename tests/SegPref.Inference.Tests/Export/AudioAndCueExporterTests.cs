using SegPref.Inference.Export;
using SegPref.Inference.Export.Audio;
using SegPref.Media.Audio;
using SegPref.Models.Audio;
using SegPref.Models.Cues;
using static TorchSharp.torch;

namespace SegPref.Inference.Tests.Export;

[Collection(SeededTorch.Name)]
public sealed class AudioAndCueExporterTests(SynthClipFixture clip)
{
    private static readonly InferenceOptions Cpu = new() { Provider = ExecutionProvider.Cpu, IntraOpThreads = 1 };

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void AudioEncoder_RandomExamples_MatchesTorchSharp(int n)
    {
        TestModels.Init(31);
        using var encoder = new Vggish(VggishPreset.Small);
        TestModels.Perturb(encoder);
        using var runner = new OrtRunner(AudioEncoderExporter.Export(encoder));
        using var input = randn(n, 1, LogMelExamples.FrameCount, LogMelExamples.BandCount);

        using var noGrad = no_grad();
        var expected = TestModels.Floats(encoder.call(input));
        var actual = runner.Run(OrtRunner.Float(TensorNames.LogMel, TestModels.Floats(input), n, 1, 96, 64))[TensorNames.Embeddings];

        Assert.Equal(n * 128, actual.Length);
        Assert.InRange(TestModels.MaxAbsDiff(expected, actual), 0f, 1e-4f);
        Assert.Contains(expected, v => v > 0);
    }

    [Fact]
    public void AudioEncoderRun_RealClip_RepositoryEmbeddingsMatchRun()
    {
        using var dir = new TempDir();
        TestModels.Init(32);
        using (var tagger = new AudioTagger(VggishPreset.Small, 2))
        {
            TestModels.Perturb(tagger);
            AudioEncoderRun.Save(tagger, new AudioEncoderConfig("small", [17, 28], ["dog", "guitar"], 0, 1, 1, 1e-3, 0, "none", "synth", "test"), dir.Sub("run"));
        }

        using var run = AudioEncoderRun.Load(dir.Sub("run"));
        RunExporter.Export(dir.Sub("run"), dir.Sub("models"), null, null, "segpref export");
        using var embedder = ModelRepository.OpenAudioEncoder(dir.Sub("models"), Cpu);

        var expected = run.Embed(clip.LogMel);
        var actual = embedder.Embed(clip.LogMel);

        Assert.Equal(128, embedder.EmbeddingSize);
        Assert.Equal(expected.GetLength(0) * 128, actual.Length);
        Assert.InRange(TestModels.MaxAbsDiff(TestModels.Flat<float>(expected), actual), 0f, 1e-4f);
        Assert.Throws<ArgumentException>(() => embedder.Embed(new LogMelExamples([], 0)));

        // --audio-map: the entry serves the time-frequency map a segmenter trained with --audio-map reads.
        RunExporter.Export(dir.Sub("run"), dir.Sub("maps"), null, null, "segpref export --audio-map", audioMap: true);
        using var mapper = ModelRepository.OpenAudioEncoder(dir.Sub("maps"), Cpu);
        var expectedMap = run.Map(clip.LogMel);
        Assert.Equal(run.Encoder.MapWidth, mapper.EmbeddingSize);
        Assert.InRange(TestModels.MaxAbsDiff(TestModels.Flat<float>(expectedMap), mapper.Embed(clip.LogMel)), 0f, 1e-4f);
    }

    [Fact]
    public void CueEncoderRun_Repository_VectorsAndValidityMatchRun()
    {
        using var dir = new TempDir();
        TestModels.Init(33);
        string[] words = ["dog", "guitar", "piano", "man"];
        using (var model = new CueEncoder(words.Length, 16, 24, 32))
        {
            TestModels.Perturb(model);
            CueEncoderRun.Save(model, new CueEncoderConfig(words, 16, 24, 32, new CueTrainingOptions(), "audio", "sha", "mean", "zero", "synth", "test"), dir.Sub("run"));
        }

        using var run = CueEncoderRun.Load(dir.Sub("run"));
        RunExporter.Export(dir.Sub("run"), dir.Sub("models"), null, null, "segpref export");
        using var embedder = ModelRepository.OpenCueEncoder(dir.Sub("models"), Cpu);
        string[][] frames = [["Dog", "guitar", "None", "None"], ["violin", " piano ", "man", ""], ["None", "None", "None", "None"]];

        var (expectedVectors, expectedValid) = run.Encode(frames);
        var (vectors, valid) = embedder.Embed(frames);

        // Flat [3,4,32] and [3,4]: frame f, slot s, dimension d at ((f * 4) + s) * 32 + d.
        Assert.Equal(32, embedder.EmbeddingSize);
        Assert.Equal(TestModels.Flat<bool>(expectedValid), valid);
        Assert.InRange(TestModels.MaxAbsDiff(TestModels.Flat<float>(expectedVectors), vectors), 0f, 1e-5f);
        Assert.Equal(0f, vectors[(4 * 32) + 5]);
        Assert.InRange(vectors[0], -1f, 1f);
        Assert.True(Math.Abs(Enumerable.Range(0, 32).Sum(i => vectors[32 + i] * vectors[32 + i]) - 1) < 1e-4);
        Assert.Throws<ArgumentException>(() => embedder.Embed([["dog"]]));
    }
}

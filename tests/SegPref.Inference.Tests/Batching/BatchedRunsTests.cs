using SegPref.Inference.Abstractions;
using SegPref.Inference.Batching;
using SegPref.Inference.Repository;
using SegPref.Media.Audio;
using SegPref.Media.Imaging;

namespace SegPref.Inference.Tests.Batching;

/// <summary>The committed ONNX models (models/): one batched run over several requests equals each request run alone.</summary>
public sealed class BatchedRunsTests
{
    private static readonly InferenceOptions Cpu = new() { Provider = ExecutionProvider.Cpu, IntraOpThreads = 1 };

    [Theory]
    [InlineData("teso")]
    [InlineData("audio-only")]
    public void RunSegmenter_ThreeRequests_EqualsEachRunAlone(string name)
    {
        using var segmenter = ModelRepository.OpenSegmenter(Repository, Cpu, name);
        var random = new Random(3);
        var requests = new[] { 1, 3, 2 }.Select(t => Input(segmenter, t, random)).ToArray();

        var batched = Batches.RunSegmenter(segmenter, requests);

        for (var i = 0; i < requests.Length; i++)
        {
            var alone = segmenter.Segment(requests[i]).Logits;
            Assert.Equal(alone.Length, batched[i].Logits.Length);
            Assert.InRange(alone.Zip(batched[i].Logits, (a, b) => Math.Abs(a - b)).Max(), 0f, 1e-4f);
        }
    }

    [Fact]
    public void RunAudio_TwoRequests_EqualsEachRunAlone()
    {
        using var audio = ModelRepository.OpenAudioEncoder(Repository, Cpu);
        var random = new Random(4);
        var requests = new[] { 2, 3 }.Select(n => new LogMelExamples([.. Enumerable.Range(0, n * LogMelExamples.ExampleSize).Select(_ => (float)random.NextDouble())], n)).ToArray();

        var batched = Batches.RunAudio(audio, requests);

        for (var i = 0; i < requests.Length; i++)
        {
            var alone = audio.Embed(requests[i]);
            Assert.InRange(alone.Zip(batched[i], (a, b) => Math.Abs(a - b)).Max(), 0f, 1e-4f);
        }
    }

    [Fact]
    public void RunCues_TwoRequests_EqualsEachRunAlone()
    {
        using var cues = ModelRepository.OpenCueEncoder(Repository, Cpu);
        string[][][] requests = [[["dog", "guitar", "None", "None"]], [["piano", "None", "None", "None"], ["zebra", "man", "baby", "None"]]];

        var batched = Batches.RunCues(cues, requests);

        for (var i = 0; i < requests.Length; i++)
        {
            var alone = cues.Embed(requests[i]);
            Assert.Equal(alone.Valid, batched[i].Valid);
            Assert.Equal(alone.Vectors, batched[i].Vectors);
        }
    }

    [Fact]
    public void RunCaptioner_TwoRequests_EqualsEachRunAlone()
    {
        using var captioner = (IDisposable)ModelRepository.OpenCaptioner(Repository, Cpu);
        var model = (IImageCaptioner)captioner;
        RgbImage[][] requests = [[RgbImage.Filled(64, 64, (200, 40, 40))], [RgbImage.Filled(64, 64, (40, 200, 40)), RgbImage.Filled(64, 64, (40, 40, 200))]];

        var batched = Batches.RunCaptioner(model, requests);

        for (var i = 0; i < requests.Length; i++)
        {
            Assert.Equal(model.Describe(requests[i]), batched[i]);
        }
    }

    [Fact]
    public void Resolve_ConfigOverridesAndDefaults_TakeTheRightPrecedence()
    {
        var config = new ModelConfig
        {
            Name = "m", Version = "1", Kind = ModelKinds.Segmenter, Files = new Dictionary<string, string>(), Inputs = [], Outputs = [],
            InstanceCount = 3, MaxBatchSize = 8, DynamicBatching = new DynamicBatchingConfig { MaxQueueDelayMicroseconds = 500, MaxQueueSize = 9 },
        };

        var fromConfig = ServingPolicy.Resolve(ModelKinds.Segmenter, config, null);
        var overridden = ServingPolicy.Resolve(ModelKinds.Segmenter, config, new ServingOverrides { InstanceCount = 1, DynamicBatching = false });
        var noBlock = ServingPolicy.Resolve(ModelKinds.Segmenter, config with { DynamicBatching = null }, null);
        var defaults = ServingPolicy.Resolve(ModelKinds.Segmenter, null, null);

        Assert.Equal(new ServingPolicy(3, 8, true, TimeSpan.FromMicroseconds(500), 9), fromConfig);
        Assert.Equal(new ServingPolicy(1, 8, false, TimeSpan.FromMicroseconds(500), 9), overridden);
        Assert.False(noBlock.Batching);
        Assert.Equal(ServingPolicy.DefaultFor(ModelKinds.Segmenter), defaults);
        Assert.Throws<ArgumentException>(() => ServingPolicy.Resolve(ModelKinds.Segmenter, null, new ServingOverrides { MaxBatchSize = 0 }));
    }

    internal static string Repository { get; } = FindModels();

    private static SegmenterInput Input(SegPref.Inference.Sessions.OnnxSegmenter model, int t, Random random)
    {
        var frames = Enumerable.Range(0, t).Select(_ => RgbImage.Filled(64, 64, ((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)))).ToArray();
        float[] Noise(int n) => [.. Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() * 2) - 1))];
        return new SegmenterInput(
            t,
            model.PrepareFrames(frames),
            Noise(t * model.AudioWidth),
            model.UsesText ? Noise(t * 4 * model.CueWidth) : null,
            model.UsesText ? [.. Enumerable.Range(0, t * 4).Select(_ => random.NextDouble() < 0.5)] : null);
    }

    private static string FindModels()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SegPref.Mesh.sln")))
            {
                return Path.Combine(dir.FullName, "models");
            }
        }

        throw new DirectoryNotFoundException($"No SegPref.Mesh.sln above {AppContext.BaseDirectory}.");
    }
}

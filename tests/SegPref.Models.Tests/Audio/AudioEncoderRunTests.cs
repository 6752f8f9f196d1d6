using SegPref.Models.Audio;
using SegPref.Models.Torch;

namespace SegPref.Models.Tests.Audio;

public sealed class AudioEncoderRunTests : IDisposable
{
    private readonly string _runDir = Directory.CreateTempSubdirectory("audio-run-").FullName;

    public AudioEncoderRunTests() => TorchRuntime.EnsureInitialized();

    public void Dispose() => Directory.Delete(_runDir, recursive: true);

    [Fact]
    public void Load_SavedTagger_EmbedsLikeTheOriginalEncoder()
    {
        var examples = ToySounds.Clips(1, 3, seed: 9)[0].Examples;
        TorchSharp.torch.manual_seed(8);
        using var tagger = new AudioTagger(VggishPreset.Small, 2);
        tagger.eval();
        AudioEncoderRun.Save(tagger, Config(2), _runDir);
        float[] expected;
        using (TorchSharp.torch.no_grad())
        using (var input = TorchSharp.torch.tensor(examples.Data, [3, 1, 96, 64]))
        using (var output = tagger.Encoder.call(input))
        {
            expected = output.data<float>().ToArray();
        }

        using var run = AudioEncoderRun.Load(_runDir);
        var embedded = run.Embed(examples);
        var tags = run.Tag(examples);

        Assert.Equal(expected, embedded.Cast<float>());
        Assert.Equal(3, tags.GetLength(0));
        Assert.Equal(2, tags.GetLength(1));
        Assert.All(tags.Cast<float>(), p => Assert.InRange(p, 0f, 1f));
    }

    [Fact]
    public void Load_ConfigClassCountDisagreesWithWeights_ThrowsInvalidData()
    {
        using var tagger = new AudioTagger(VggishPreset.Small, 2);
        AudioEncoderRun.Save(tagger, Config(2), _runDir);
        Config(3).Write(_runDir);

        var error = Assert.Throws<InvalidDataException>(() => AudioEncoderRun.Load(_runDir));

        Assert.Contains("weights.bin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoWeights_ThrowsFileNotFoundNamingTheFile()
    {
        Config(2).Write(_runDir);

        var error = Assert.Throws<FileNotFoundException>(() => AudioEncoderRun.Load(_runDir));

        Assert.Contains("weights.bin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoConfig_ThrowsFileNotFound() =>
        Assert.Throws<FileNotFoundException>(() => AudioEncoderRun.Load(_runDir));

    private static AudioEncoderConfig Config(int classes) =>
        new("small", [.. Enumerable.Range(1, classes)], [.. Enumerable.Range(1, classes).Select(i => $"c{i}")], 1, 1, 8, 1e-3, 0, "none", "/data", "test");
}

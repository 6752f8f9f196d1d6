using SegPref.Models.Cues;
using SegPref.Models.Torch;
using static TorchSharp.torch;

namespace SegPref.Models.Tests.Cues;

public sealed class CueEncoderRunTests : IDisposable
{
    private readonly string _runDir = Directory.CreateTempSubdirectory("cue-run-").FullName;

    public CueEncoderRunTests() => TorchRuntime.EnsureInitialized();

    public void Dispose() => Directory.Delete(_runDir, recursive: true);

    [Fact]
    public void Load_SavedEncoder_EncodesLikeTheOriginalWithValidityMask()
    {
        using var model = new CueEncoder(ToyCueAudio.Classes.Length, 4, 8, 6);
        CueEncoderRun.Save(model, Config(ToyCueAudio.Classes), _runDir);
        float[] expected;
        using (no_grad())
        using (var ids = tensor(new long[] { 2, 0 }))
        using (var output = model.call(ids))
        {
            expected = output.data<float>().ToArray();
        }

        using var run = CueEncoderRun.Load(_runDir);
        var (vectors, valid) = run.Encode([["car", "Dog", "None", "None"], ["bicycle", "none", "cat", "None"]]);

        Assert.Equal([2, 4, 6], new[] { vectors.GetLength(0), vectors.GetLength(1), vectors.GetLength(2) });
        Assert.Equal(expected, Row(vectors, 0, 0).Concat(Row(vectors, 0, 1)));
        Assert.Equal(new[,] { { true, true, false, false }, { true, false, true, false } }, valid);
        Assert.All(Row(vectors, 0, 2).Concat(Row(vectors, 1, 0)).Concat(Row(vectors, 1, 1)), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Encode_FrameWithThreeSlots_ThrowsArgumentException()
    {
        using var model = new CueEncoder(2, 4, 8, 6);
        CueEncoderRun.Save(model, Config(["dog", "cat"]), _runDir);
        using var run = CueEncoderRun.Load(_runDir);

        var error = Assert.Throws<ArgumentException>(() => run.Encode([["dog", "None", "None"]]));

        Assert.Contains("exactly 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoWeights_ThrowsFileNotFoundNamingTheFile()
    {
        Config(["dog"]).Write(_runDir);

        var error = Assert.Throws<FileNotFoundException>(() => CueEncoderRun.Load(_runDir));

        Assert.Contains(CueEncoderRun.WeightsFile, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ConfigVocabularyDisagreesWithWeights_ThrowsInvalidData()
    {
        using var model = new CueEncoder(2, 4, 8, 6);
        CueEncoderRun.Save(model, Config(["dog", "cat"]), _runDir);
        Config(["dog", "cat", "car"]).Write(_runDir);

        var error = Assert.Throws<InvalidDataException>(() => CueEncoderRun.Load(_runDir));

        Assert.Contains(CueEncoderRun.WeightsFile, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MalformedConfig_ThrowsInvalidDataNamingTheFile()
    {
        File.WriteAllText(Path.Combine(_runDir, CueEncoderConfig.FileName), "{ not json");

        var error = Assert.Throws<InvalidDataException>(() => CueEncoderRun.Load(_runDir));

        Assert.Contains(CueEncoderConfig.FileName, error.Message, StringComparison.Ordinal);
    }

    private static CueEncoderConfig Config(string[] words) =>
        new(words, 4, 8, 6, new CueTrainingOptions(EmbeddingSize: 4, HiddenSize: 8, OutputSize: 6), "/audio", "00", "test", "test", "/data", "test");

    private static IEnumerable<float> Row(float[,,] vectors, int n, int slot) =>
        Enumerable.Range(0, vectors.GetLength(2)).Select(d => vectors[n, slot, d]);
}

using System.Text.Json.Nodes;
using SegPref.Inference.Repository;

namespace SegPref.Inference.Tests.Repository;

[Collection(SeededTorch.Name)]
public sealed class ModelRepositoryTests
{
    private static readonly InferenceOptions Cpu = new() { Provider = ExecutionProvider.Cpu, IntraOpThreads = 1, WarmUp = false };

    [Fact]
    public void OpenCueEncoder_MissingModelFile_NamesTheFile()
    {
        using var dir = new TempDir();
        var entry = TestEntries.CueEncoder(dir, dir.Sub("models"));
        File.Delete(Path.Combine(entry, "model.onnx"));

        var ex = Assert.Throws<InvalidDataException>(() => ModelRepository.OpenCueEncoder(dir.Sub("models"), Cpu));
        Assert.Contains("model.onnx", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenCueEncoder_MalformedConfig_SaysMalformed()
    {
        using var dir = new TempDir();
        var entry = TestEntries.CueEncoder(dir, dir.Sub("models"));
        File.WriteAllText(Path.Combine(entry, ModelConfig.FileName), "{ \"name\": ");

        var ex = Assert.Throws<InvalidDataException>(() => ModelRepository.OpenCueEncoder(dir.Sub("models"), Cpu));
        Assert.Contains("malformed config.json", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dtype", "float32", "is int64 in the graph but float32")]
    [InlineData("name", "ids", "declares [ids]")]
    [InlineData("rank", "", "has shape")]
    public void OpenCueEncoder_InputDiffersFromGraph_ExplainsTheMismatch(string field, string value, string expected)
    {
        using var dir = new TempDir();
        var entry = TestEntries.CueEncoder(dir, dir.Sub("models"));
        var path = Path.Combine(entry, ModelConfig.FileName);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        var input = json["inputs"]![0]!;
        if (field == "rank")
        {
            input["shape"] = new JsonArray(-1, 4, 1);
        }
        else
        {
            input[field] = value;
        }

        File.WriteAllText(path, json.ToJsonString());

        var ex = Assert.Throws<InvalidDataException>(() => ModelRepository.OpenCueEncoder(dir.Sub("models"), Cpu));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenCueEncoder_WrongKindOrMissingModel_ClearErrors()
    {
        using var dir = new TempDir();
        TestEntries.CueEncoder(dir, dir.Sub("models"));

        var kind = Assert.Throws<InvalidDataException>(() => ModelRepository.OpenAudioEncoder(dir.Sub("models"), Cpu, name: "cue-encoder"));
        Assert.Contains("audio-encoder was asked for", kind.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<InvalidDataException>(() => ModelRepository.OpenSegmenter(dir.Sub("models"), Cpu));
        Assert.Contains("model 'teso' not found", missing.Message, StringComparison.Ordinal);
        var version = Assert.Throws<InvalidDataException>(() => ModelRepository.OpenCueEncoder(dir.Sub("models"), Cpu, version: "7"));
        Assert.Contains("version '7'", version.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_SeveralVersions_TakesHighestNumericUnlessPinned()
    {
        using var dir = new TempDir();
        TestEntries.CueEncoder(dir, dir.Sub("models"), "2");
        TestEntries.CueEncoder(dir, dir.Sub("models"), "10");

        using (var repo = ModelRepository.Open(dir.Sub("models"), Cpu))
        {
            Assert.Equal("10", repo.CueEncoder.Identity.Version);
            var ex = Assert.Throws<InvalidOperationException>(() => repo.Segmenter);
            Assert.Contains("teso", ex.Message, StringComparison.Ordinal);
        }

        using var pinned = ModelRepository.Open(dir.Sub("models"), Cpu with { Versions = new Dictionary<string, string> { ["cue-encoder"] = "2" } });
        Assert.Equal("2", pinned.CueEncoder.Identity.Version);
    }

    [Fact]
    public void OpenCueEncoder_WithWarmUpAndAutoProvider_RunsOnSomeProvider()
    {
        using var dir = new TempDir();
        TestEntries.CueEncoder(dir, dir.Sub("models"));

        using var embedder = ModelRepository.OpenCueEncoder(dir.Sub("models"), new InferenceOptions { IntraOpThreads = 1 });
        var (vectors, valid) = embedder.Embed([["dog", "None", "zebra", "cat"]]);

        Assert.Equal([true, false, true, true], valid);
        Assert.Equal(0f, vectors[2 * embedder.EmbeddingSize]);
        Assert.NotEqual(0f, vectors[0]);
    }
}

using System.Text.Json.Nodes;
using SegPref.Models.Captioning;

namespace SegPref.Models.Tests.Captioning;

public sealed class CaptionerTrainerTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"captioner-train-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Train_TinyDataset_WritesALoadableRunWithTestFigures()
    {
        var data = Path.Combine(_root, "data");
        var runDir = Path.Combine(_root, "run");
        TinySynthDataset.Write(data, clipsPerSplit: 4);
        var options = new CaptionerTrainingOptions { Epochs = 2, BatchSize = 8, WarmupSteps = 1, TestBeamWidth = 2 };

        var result = CaptionerTrainer.Train(data, runDir, options, TinyCaptioning.Config() with { VocabularySize = 0 }, "segpref test");

        foreach (var file in new[] { "config.json", "vocab.json", "captioner.weights", "metrics.json", "curves.png", "test_samples.txt" })
        {
            Assert.True(File.Exists(Path.Combine(runDir, file)), file);
        }

        Assert.Equal(2, result.History.Rows.Count);
        Assert.Equal(16, result.TestGreedy.Frames);
        Assert.InRange(result.TestBeam.Bleu4, 0, 1);
        var final = JsonNode.Parse(File.ReadAllText(Path.Combine(runDir, "metrics.json")))!["final"]!;
        Assert.Equal("segpref test", (string?)final["command"]);
        Assert.Equal(result.TestGreedy.Bleu4, (double)final["test_greedy"]!["bleu4"]!, 4);
        using var run = CaptionerRun.Load(runDir);
        Assert.Equal(TinyCaptioning.Vocabulary.Words, run.Vocabulary.Words);
    }

    [Fact]
    public void Train_MissingDataset_ThrowsNamingTheFolder()
    {
        var missing = Path.Combine(_root, "nowhere");
        Directory.CreateDirectory(_root);

        var error = Assert.Throws<InvalidDataException>(() =>
            CaptionerTrainer.Train(missing, Path.Combine(_root, "run"), new CaptionerTrainingOptions(), new CaptionerConfig()));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }
}

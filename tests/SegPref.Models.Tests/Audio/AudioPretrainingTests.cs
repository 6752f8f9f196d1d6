using System.Text.Json.Nodes;
using SegPref.Avs.Avss;
using SegPref.Media.Audio;
using SegPref.Models.Audio;
using SegPref.Models.Torch;

namespace SegPref.Models.Tests.Audio;

[Collection(GlobalTorchRng.Name)]
public sealed class AudioPretrainingTests : IDisposable
{
    private readonly ToySynthTree _tree = new(seconds: 2, ("train", 6), ("val", 2), ("test", 2));
    private readonly string _runDir = Directory.CreateTempSubdirectory("audio-run-").FullName;

    public AudioPretrainingTests() => TorchRuntime.EnsureInitialized();

    public void Dispose()
    {
        _tree.Dispose();
        Directory.Delete(_runDir, recursive: true);
    }

    [Fact]
    public void Run_ToyDataset_WritesRunThatLoadsAndEmbedsLikeTheSavedModel()
    {
        var options = new AudioTrainingOptions(VggishPreset.Small, Epochs: 2, Seed: 4, BatchSize: 6);

        var report = AudioPretraining.Run(_tree.Root, _runDir, options, "segpref train-audio (test)", cancellationToken: TestContext.Current.CancellationToken);

        foreach (var file in new[] { "weights.bin", "config.json", "metrics.json", "curves.png" })
        {
            Assert.True(File.Exists(Path.Combine(_runDir, file)), file);
        }

        // Silent cat and distractor chair are not classes; guitar, piano and dog are.
        Assert.Equal(3, report.Classes);
        Assert.Equal(12, report.TrainExamples);
        Assert.InRange(report.TestMap, 0, 1);
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(_runDir, "metrics.json")))!;
        Assert.Equal(report.TestMapNoisy, metrics["final"]!["test_map_wgn-10"]!.GetValue<double>());

        using var run = AudioEncoderRun.Load(_runDir);
        var examples = AudioTaggingData.LoadClip(AvssDataset.Open(_tree.Root).Clips("test").First(), AudioPerturbation.Normal, 0).Examples;
        var first = run.Embed(examples);
        var second = run.Embed(examples);
        Assert.Equal(["dog", "guitar", "piano"], run.Config.ClassNames);
        Assert.Equal(examples.Count, first.GetLength(0));
        Assert.Equal(128, first.GetLength(1));
        Assert.Equal(first, second);

        using var reloaded = AudioEncoderRun.Load(_runDir);
        Assert.Equal(first, reloaded.Embed(examples));
    }
}

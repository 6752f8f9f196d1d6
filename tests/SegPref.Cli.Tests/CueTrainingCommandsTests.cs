using System.Text.Json;
using SegPref.Models.Captioning;
using SegPref.Models.Cues;
using SegPref.Models.Torch;

namespace SegPref.Cli.Tests;

/// <summary>train-cues and eval-cues on a quick AVS-Synth set, against an untrained (random) audio encoder and captioner: the plumbing, not the quality.</summary>
public sealed class CueTrainingCommandsTests(QuickDatasetFixture data) : IClassFixture<QuickDatasetFixture>, IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task TrainCues_QuickSet_WritesARunThatEncodes()
    {
        var audio = RandomRuns.Audio(_tmp["audio"], data.Root);

        var (exit, output) = await CliRunner.RunAsync("train-cues", "--data", data.Root, "--audio", audio, "--out", _tmp["cues"], "--epochs", "2");

        Assert.True(exit == 0, output);
        Assert.Contains("epoch 2/2", output, StringComparison.Ordinal);
        foreach (var file in new[] { "weights.bin", "config.json", "metrics.json", "curves.png" })
        {
            Assert.True(File.Exists(_tmp[Path.Combine("cues", file)]), file);
        }

        using var run = CueEncoderRun.Load(_tmp["cues"]);
        var (vectors, valid) = run.Encode([["dog", "None", "None", "None"]]);
        Assert.Equal(128, vectors.GetLength(2));
        Assert.Equal(new[,] { { true, false, false, false } }, valid);
        Assert.Equal(CueEncoderTraining.AudioConfigHash(audio), run.Config.AudioConfigSha256);
        var final = JsonDocument.Parse(await File.ReadAllTextAsync(_tmp["cues/metrics.json"], TestContext.Current.CancellationToken)).RootElement.GetProperty("final");
        Assert.InRange(final.GetProperty("test_audio_to_text_top1").GetDouble(), 0, 1);
    }

    [Fact]
    public async Task TrainCues_AudioFolderIsNotARun_FailsNamingConfig()
    {
        var (exit, output) = await CliRunner.RunAsync("train-cues", "--data", data.Root, "--audio", _tmp.Path, "--out", _tmp["cues"]);

        Assert.Equal(1, exit);
        Assert.Contains("config.json", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalCues_WithCaptioner_ScoresTruthAndCaptions()
    {
        var (exit, output) = await CliRunner.RunAsync("eval-cues", "--data", data.Root, "--captioner", RandomCaptionerRun(), "--beam", "1", "--json");

        Assert.True(exit == 0, output);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(8 * 3, root.GetProperty("frames").GetInt32());
        Assert.True(root.GetProperty("ground_truth_descriptions").GetProperty("f1").GetDouble() > 0.5, output);
        Assert.InRange(root.GetProperty("captioner_descriptions").GetProperty("precision").GetDouble(), 0, 1);
    }

    [Fact]
    public async Task EvalCues_MissingDataset_FailsWithMessage()
    {
        var (exit, output) = await CliRunner.RunAsync("eval-cues", "--data", _tmp["nowhere"]);

        Assert.Equal(1, exit);
        Assert.Contains("nowhere", output, StringComparison.Ordinal);
    }


    private string RandomCaptionerRun()
    {
        TorchRuntime.EnsureInitialized();
        var vocabulary = CaptionVocabulary.Build(["a dog sits on the left.", "a man plays the guitar."]);
        var config = new CaptionerConfig { ImageSize = 32, Width = 16, Heads = 2, Layers = 1, FeedForwardWidth = 32, MaxTokens = 8, Dropout = 0, VocabularySize = vocabulary.Count };
        using var model = new Captioner(config);
        CaptionerRun.Save(_tmp["captioner"], model, vocabulary, new CaptionerRunConfig { Model = config });
        return _tmp["captioner"];
    }
}

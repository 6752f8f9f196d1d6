using System.Text.Json.Nodes;
using SegPref.Avs.Avss;

namespace SegPref.Cli.Tests;

public sealed class TrainAudioCommandTests(QuickDatasetFixture data) : IClassFixture<QuickDatasetFixture>
{
    [Fact]
    public async Task TrainAudio_QuickDatasetOneEpoch_WritesRunWithFiguresAndSynthClasses()
    {
        using var tmp = new TempDir();

        var (exit, output) = await CliRunner.RunAsync("train-audio", "--data", data.Root, "--out", tmp["run"], "--epochs", "1", "--batch", "24");

        Assert.True(exit == 0, output);
        Assert.Contains("epoch 1/1", output, StringComparison.Ordinal);
        Assert.True(File.Exists(tmp["run/weights.bin"]));
        Assert.True(File.Exists(tmp["run/curves.png"]));
        var final = JsonNode.Parse(await File.ReadAllTextAsync(tmp["run/metrics.json"], TestContext.Current.CancellationToken))!["final"]!;
        Assert.InRange(final["test_map"]!.GetValue<double>(), 0, 1);
        Assert.InRange(final["test_map_wgn-10"]!.GetValue<double>(), 0, 1);
        var config = JsonNode.Parse(await File.ReadAllTextAsync(tmp["run/config.json"], TestContext.Current.CancellationToken))!;
        Assert.Contains("--epochs 1", config["command_line"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(config["class_names"]!.AsArray(), n => Assert.True(AvssClasses.TryIndexOf(n!.GetValue<string>(), out var i) && i > 0));
    }

    [Fact]
    public async Task TrainAudio_MissingDataFolder_ExitsOneNamingIt()
    {
        using var tmp = new TempDir();

        var (exit, output) = await CliRunner.RunAsync("train-audio", "--data", tmp["nowhere"], "--out", tmp["run"]);

        Assert.Equal(1, exit);
        Assert.Contains("nowhere", output, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using SegPref.Avs.Avss;
using SegPref.Avs.Evaluation;
using SegPref.Media.Masks;

namespace SegPref.Cli.Tests;

public sealed class DatasetCommandsTests(QuickDatasetFixture data) : IClassFixture<QuickDatasetFixture>
{
    [Fact]
    public void Synth_QuickPreset_WritesAvssLayout()
    {
        var rows = AvssMetadata.Read(Path.Combine(data.Root, AvssLayout.MetadataFile));

        Assert.Equal(48, rows.Count);
        Assert.Equal(["test", "test-counter", "train", "val"], rows.Select(r => r.Split).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains("wrote 48 clips", data.SynthOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_SynthDataset_PrintsSplitsAndMeasuredPriors()
    {
        var (exit, output) = await CliRunner.RunAsync("inspect", data.Root);

        Assert.Equal(0, exit);
        Assert.Contains("test-counter", output, StringComparison.Ordinal);
        Assert.Contains("P(sounding | visible)", output, StringComparison.Ordinal);
        Assert.Contains("guitar", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_GroundTruthAgainstItself_PrintsOnes()
    {
        using var tmp = new TempDir();
        PredictionFolder.WriteGroundTruth(AvssDataset.Open(data.Root), tmp.Path, "test");

        var (exit, output) = await CliRunner.RunAsync("metrics", "--gt", data.Root, "--pred", tmp.Path, "--split", "test", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(1.0, json.RootElement.GetProperty("miou").GetDouble(), 9);
        Assert.Equal(1.0, json.RootElement.GetProperty("fscore").GetDouble(), 9);
        Assert.Equal(24, json.RootElement.GetProperty("frames").GetInt32());
    }

    [Fact]
    public async Task Metrics_AllEmptyPrediction_ScoresBelowOne()
    {
        using var tmp = new TempDir();
        var dataset = AvssDataset.Open(data.Root);
        foreach (var clip in dataset.Clips("test"))
        {
            foreach (var index in clip.FrameIndices)
            {
                PredictionFolder.Write(tmp.Path, clip.Uid, index, new ProbabilityMap(48, 48));
            }
        }

        var (exit, output) = await CliRunner.RunAsync("metrics", "--gt", data.Root, "--pred", tmp.Path, "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(0.0, json.RootElement.GetProperty("miou").GetDouble(), 9);
    }

    [Fact]
    public async Task Metrics_MissingPrediction_FailsWithMessageNamingFile()
    {
        using var tmp = new TempDir();

        var (exit, output) = await CliRunner.RunAsync("metrics", "--gt", data.Root, "--pred", tmp.Path);

        Assert.Equal(1, exit);
        Assert.Contains("missing prediction", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_Clip_WritesPngWithFramesAndOverlays()
    {
        using var tmp = new TempDir();
        var uid = AvssMetadata.Read(Path.Combine(data.Root, AvssLayout.MetadataFile))[0].Uid;

        var (exit, output) = await CliRunner.RunAsync("render", "--data", data.Root, "--uid", uid, "--out", tmp["clip.png"], "--scale", "2");

        Assert.True(exit == 0, output);
        var image = SegPref.Media.Imaging.ImageCodec.Load(tmp["clip.png"]);
        Assert.True(image.Width >= 3 * 96, $"width {image.Width}");
    }

    [Fact]
    public async Task Render_UnknownUid_FailsClearly()
    {
        using var tmp = new TempDir();

        var (exit, output) = await CliRunner.RunAsync("render", "--data", data.Root, "--uid", "nope", "--out", tmp["x.png"]);

        Assert.Equal(1, exit);
        Assert.Contains("No clip with uid 'nope'", output, StringComparison.Ordinal);
    }
}

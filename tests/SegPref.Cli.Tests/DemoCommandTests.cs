using System.Text.Json;

namespace SegPref.Cli.Tests;

/// <summary>The main job: the demo starts the real mesh as processes on the committed models and segments a clip through the gateway.</summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task Demo_FreshFolder_SegmentsTheClipThroughTheMesh()
    {
        var (exit, output) = await CliRunner.RunAsync("demo", "--out", _tmp["demo"]);

        Assert.True(exit == 0, output);
        Assert.Contains("gateway is serving", output, StringComparison.Ordinal);
        var result = JsonDocument.Parse(await File.ReadAllTextAsync(_tmp["demo/segment/result.json"], TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal(5, result.GetProperty("frames").GetArrayLength());
        Assert.Contains(result.GetProperty("models").EnumerateArray(), m => m.GetProperty("name").GetString() == "teso");
        Assert.True(File.Exists(_tmp["demo/segment/overlays/0.png"]));
    }

    [Fact]
    public async Task Demo_RepositoryWithoutModels_FailsNamingTheService()
    {
        var (exit, output) = await CliRunner.RunAsync("demo", "--out", _tmp["demo"], "--repo", _tmp["empty-models"]);

        Assert.Equal(1, exit);
        Assert.Contains("captioner", output, StringComparison.Ordinal);
    }
}

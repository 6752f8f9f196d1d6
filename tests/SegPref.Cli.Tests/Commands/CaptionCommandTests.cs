using System.Text.Json;
using SegPref.Cli.Infrastructure;
using SegPref.Media.Imaging;
using SegPref.Models.Captioning;
using SegPref.Models.Torch;
using static TorchSharp.torch;

namespace SegPref.Cli.Tests.Commands;

public sealed class CaptionCommandTests : IDisposable
{
    private readonly TempDir _temp = new();

    private string Dir => _temp.Path;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Caption_NoTrainedRun_ExitsOneAndSaysHowToTrain()
    {
        var image = WriteImage("frame.png");

        var (code, output) = await CliRunner.RunAsync("caption", image, "--run", Path.Combine(Dir, "missing-run"));

        Assert.Equal(1, code);
        Assert.Contains("segpref train-captioner", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Caption_Json_PrintsOneDescriptionPerImage()
    {
        var runDir = SaveRun();

        var (code, output) = await CliRunner.RunAsync("caption", WriteImage("a.png"), WriteImage("b.png"), "--run", runDir, "--beam", "2", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(2, json.RootElement.GetProperty("descriptions").GetArrayLength());
    }

    [Fact]
    public async Task TrainCaptioner_MissingDataset_ExitsOneNamingTheFolder()
    {
        var data = Path.Combine(Dir, "no-data");

        var (code, output) = await CliRunner.RunAsync("train-captioner", "--data", data, "--out", Path.Combine(Dir, "run"));

        Assert.Equal(1, code);
        Assert.Contains(data, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_InsideARepository_PointsAtItsRunsFolder()
    {
        var repo = Path.Combine(Dir, "repo");
        Directory.CreateDirectory(Path.Combine(repo, ".git"));
        var nested = Directory.CreateDirectory(Path.Combine(repo, "a", "b")).FullName;

        Assert.Equal(Path.Combine(repo, "runs", "captioner"), DefaultRunFolder.Resolve("captioner", nested));
    }

    private string WriteImage(string name)
    {
        var path = Path.Combine(Dir, name);
        ImageCodec.Save(RgbImage.Filled(32, 32, (200, 40, 40)), path);
        return path;
    }

    private string SaveRun()
    {
        TorchRuntime.EnsureInitialized();
        manual_seed(1);
        var vocabulary = CaptionVocabulary.Build(["a red box on the left.", "a blue chair on the right."]);
        var config = new CaptionerConfig { ImageSize = 32, Width = 32, Heads = 2, Layers = 1, FeedForwardWidth = 32, MaxTokens = 10, EncoderWidth = 8, VocabularySize = vocabulary.Count };
        using var model = new Captioner(config);
        var runDir = Path.Combine(Dir, "run");
        CaptionerRun.Save(runDir, model, vocabulary, new CaptionerRunConfig { Model = config });
        return runDir;
    }
}

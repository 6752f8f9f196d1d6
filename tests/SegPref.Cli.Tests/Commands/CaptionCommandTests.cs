using System.Text.Json;
using SegPref.Cli.Infrastructure;
using SegPref.Media.Imaging;
using SegPref.Models.Captioning;
using SegPref.Models.Torch;
using static TorchSharp.torch;

namespace SegPref.Cli.Tests.Commands;

public sealed class CaptionCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"caption-cli-{Guid.NewGuid():N}");

    public CaptionCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Caption_NoTrainedRun_ExitsOneAndSaysHowToTrain()
    {
        var image = WriteImage("frame.png");
        var output = new StringWriter();

        var code = await Invoke(output, "caption", image, "--run", Path.Combine(_dir, "missing-run"));

        Assert.Equal(1, code);
        Assert.Contains("segpref train-captioner", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Caption_Json_PrintsOneDescriptionPerImage()
    {
        var runDir = SaveRun();
        var output = new StringWriter();

        var code = await Invoke(output, "caption", WriteImage("a.png"), WriteImage("b.png"), "--run", runDir, "--beam", "2", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal(2, json.RootElement.GetProperty("descriptions").GetArrayLength());
    }

    [Fact]
    public async Task TrainCaptioner_MissingDataset_ExitsOneNamingTheFolder()
    {
        var output = new StringWriter();
        var data = Path.Combine(_dir, "no-data");

        var code = await Invoke(output, "train-captioner", "--data", data, "--out", Path.Combine(_dir, "run"));

        Assert.Equal(1, code);
        Assert.Contains(data, output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_InsideARepository_PointsAtItsRunsFolder()
    {
        var repo = Path.Combine(_dir, "repo");
        Directory.CreateDirectory(Path.Combine(repo, ".git"));
        var nested = Directory.CreateDirectory(Path.Combine(repo, "a", "b")).FullName;

        Assert.Equal(Path.Combine(repo, "runs", "captioner"), DefaultRunFolder.Resolve("captioner", nested));
    }

    private static Task<int> Invoke(StringWriter output, params string[] args) =>
        SegPrefCli.Build(CliEnvironment.ToWriter(output)).Parse(args).InvokeAsync();

    private string WriteImage(string name)
    {
        var path = Path.Combine(_dir, name);
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
        var runDir = Path.Combine(_dir, "run");
        CaptionerRun.Save(runDir, model, vocabulary, new CaptionerRunConfig { Model = config });
        return runDir;
    }
}

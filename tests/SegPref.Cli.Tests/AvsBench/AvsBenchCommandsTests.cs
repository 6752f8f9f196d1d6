using System.Text.Json;
using SegPref.Avs.Data;
using SegPref.Contracts.Clients;
using SegPref.Mesh.Launcher;
using SegPref.Models.Segmentation;
using SegPref.Models.Segmentation.Training;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace SegPref.Cli.Tests.AvsBench;

/// <summary>
/// `segpref train | eval | export | calibrate | preference` on real-data layouts (tiny trees the fixture writes), with the
/// audio encoder imported from torchvggish-layout weights, and the served result through the mesh.
/// </summary>
public sealed class AvsBenchCommandsTests(AvsBenchFixture fixture) : IClassFixture<AvsBenchFixture>, IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Theory]
    [InlineData("s4")]
    [InlineData("ms3")]
    [InlineData("avss")]
    public async Task TrainEvalExportServe_Layout_EndsInServedMasks(string format)
    {
        var ct = TestContext.Current.CancellationToken;
        var data = fixture.Trees[format];
        var vggish = format == "ms3" ? fixture.VggishSafetensors : fixture.VggishPth;
        var run = _tmp["run"];

        var (exit, output) = await CliRunner.RunAsync(
            "train", "--data", data, "--out", run, "--epochs", "1", "--batch", "4", "--threads", "1", "--cache", _tmp["cache"],
            "--vggish-weights", vggish, "--cue-run", fixture.CueRun, "--captioner-run", fixture.CaptionerRun);
        Assert.True(exit == 0, output);
        Assert.Contains("epoch 1/1", output, StringComparison.Ordinal);
        var config = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(run, "segmenter.json"), ct)).RootElement;
        Assert.Equal(format, config.GetProperty("data_format").GetString());
        Assert.Equal("predicted", config.GetProperty("cues").GetString());
        Assert.Equal(Path.GetFullPath(vggish), config.GetProperty("encoders").GetProperty("audio").GetString());
        Assert.Equal(format == "avss" ? 1.0 : 0.0, config.GetProperty("training").GetProperty("cue_weight").GetDouble());

        (exit, output) = await CliRunner.RunAsync("eval", "--data", data, "--run", run, "--json", "--cache", _tmp["cache"], "--threads", "1");
        Assert.True(exit == 0, output);
        var scores = JsonDocument.Parse(output).RootElement;
        Assert.Equal(2 * 5, scores.GetProperty("frames").GetInt32());
        Assert.InRange(scores.GetProperty("miou").GetDouble(), 0, 1);

        var repo = _tmp["repo"];
        foreach (var source in new[] { run, vggish, fixture.CueRun, fixture.CaptionerRun })
        {
            (exit, output) = await CliRunner.RunAsync("export", "--run", source, "--repo", repo);
            Assert.True(exit == 0, output);
        }

        (exit, output) = await CliRunner.RunAsync("eval", "--data", data, "--run", run, "--json", "--cache", _tmp["cache"], "--threads", "1", "--onnx", repo);
        Assert.True(exit == 0, output);
        var served = JsonDocument.Parse(output).RootElement;
        Assert.Equal(scores.GetProperty("miou").GetDouble(), served.GetProperty("miou").GetDouble(), 3);
        Assert.Equal(scores.GetProperty("reliance").GetDouble(), served.GetProperty("reliance").GetDouble(), 3);

        var clip = AvsData.Open(data).LoadClip("test", 0);
        await using var mesh = await LocalMesh.StartAsync(new MeshLaunchOptions { ModelRepository = repo, GatewayPort = 0, StateFile = _tmp["mesh.json"] }, _ => { }, ct);
        using var client = new SegmentClient(mesh.Gateway);
        var reply = await client.SegmentAsync([.. clip.FramePaths.Select(File.ReadAllBytes)], await File.ReadAllBytesAsync(clip.AudioPath, ct), new SegmentClientOptions { AudioReliance = true, Timeout = TimeSpan.FromMinutes(2) }, ct);
        Assert.Equal(5, reply.Frames.Count);
        Assert.All(reply.Frames, f => Assert.Equal((64, 64), (f.Mask.Width, f.Mask.Height)));
        Assert.Contains(reply.Models, m => m is { Role: "segmenter", Name: "teso" });
        Assert.Contains(reply.Models, m => m is { Role: "audio-encoder", Name: "audio-encoder" });
    }

    [Theory]
    [InlineData("s4", 4)]
    [InlineData("ms3", 20)]
    [InlineData("avss", 4)]
    public void FramesLoader_TrainSplit_KeepsTheAnnotatedFramesWithoutText(string format, int frames)
    {
        var loaded = SegmentationFramesLoader.Load(AvsData.Open(fixture.Trees[format]), "train", 64);

        Assert.Equal(frames, loaded.Count);
        Assert.All(loaded.Frames, f => Assert.Equal("", f.Description));
        Assert.All(loaded.Frames, f => Assert.Equal(["None", "None", "None", "None"], f.GroundTruthCues));
        Assert.All(loaded.Frames, f => Assert.True(format == "ms3" || f.FrameIndex == 0, "S4 and AVSS v1s train annotate their first frame only"));
        Assert.Equal(format == "avss", loaded.Frames.Any(f => f.SoundingClasses.Count > 0));
    }

    [Fact]
    public async Task Preference_S4_RunsWhatItCanAndSaysWhatItSkipped()
    {
        var data = fixture.Trees["s4"];
        var (exit, output) = await Train(data, "audio-only", _tmp["baseline"]);
        Assert.True(exit == 0, output);
        (exit, output) = await Train(data, "teso", _tmp["teso"], "--recipe", "paper", "--dynamic-mask", "calibrated");
        Assert.True(exit == 0, output);
        (exit, output) = await CliRunner.RunAsync("calibrate", "--data", data, "--run", _tmp["teso"], "--cache", _tmp["cache"]);
        Assert.True(exit == 0, output);

        (exit, output) = await CliRunner.RunAsync("preference", "--data", data, "--runs", _tmp["teso"], _tmp["baseline"], "--out", _tmp["pref"], "--name", "s4", "--cache", _tmp["cache"], "--examples", "2", "--threads", "1");

        Assert.True(exit == 0, output);
        Assert.Contains("skipped noise-floor, swapped, off-screen", output, StringComparison.Ordinal);
        Assert.Contains("skipped test-counter", output, StringComparison.Ordinal);
        var runs = JsonDocument.Parse(await File.ReadAllTextAsync(_tmp["pref/preference.json"], TestContext.Current.CancellationToken)).RootElement.GetProperty("datasets")[0].GetProperty("runs");
        foreach (var run in runs.EnumerateArray())
        {
            var test = run.GetProperty("test");
            Assert.Equal(["normal", "mute", "wgn-10", "wgn-40", "dither"], test.EnumerateObject().Select(p => p.Name));
            Assert.InRange(test.GetProperty("mute").GetProperty("null_s").GetDouble(), 0, 1);
            Assert.False(run.GetProperty("counter").TryGetProperty("j", out _));
        }

        var md = await File.ReadAllTextAsync(_tmp["pref/preference-s4.md"], TestContext.Current.CancellationToken);
        Assert.Contains("Not run on this data", md, StringComparison.Ordinal);
        Assert.Contains("AVSBench S4", md, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--cues", "ground-truth", "--cues ground-truth")]
    [InlineData("--grounding-weight", "0.5", "--grounding-weight")]
    [InlineData("--cue-weight", "1", "--cue-weight")]
    public async Task Train_S4WithWhatOnlySynthHas_IsRefusedNamingIt(string flag, string value, string named)
    {
        var (exit, output) = await Train(fixture.Trees["s4"], "teso", _tmp["run"], flag, value);

        Assert.Equal(1, exit);
        Assert.Contains(named, output, StringComparison.Ordinal);
        Assert.Contains("AVSBench S4", output, StringComparison.Ordinal);
        Assert.False(File.Exists(_tmp["run/segmenter.json"]));
    }

    [Fact]
    public async Task Eval_S4WithSwappedAudio_SaysItNeedsSynthLabels()
    {
        var (exit, output) = await Train(fixture.Trees["s4"], "audio-only", _tmp["run"]);
        Assert.True(exit == 0, output);

        (exit, output) = await CliRunner.RunAsync("eval", "--data", fixture.Trees["s4"], "--run", _tmp["run"], "--audio", "swapped", "--cache", _tmp["cache"]);

        Assert.Equal(1, exit);
        Assert.Contains("'swapped'", output, StringComparison.Ordinal);
        Assert.Contains("AVS-Synth", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s4", "Single-source/s4_data/audio_wav", "audio_wav/")]
    [InlineData("ms3", "ms3_data/gt_masks", "gt_masks/")]
    [InlineData("avss", "label2idx.json", "label2idx.json")]
    public async Task Train_PartialLayout_NamesWhatIsMissing(string format, string remove, string named)
    {
        var copy = CopyTree(fixture.Trees[format], _tmp["partial"]);
        var target = Path.Combine(copy, remove);
        if (File.Exists(target))
        {
            File.Delete(target);
        }
        else
        {
            Directory.Delete(target, recursive: true);
        }

        var (exit, output) = await Train(copy, "audio-only", _tmp["run"]);

        Assert.Equal(1, exit);
        Assert.Contains(named, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s4", "*.wav")]
    [InlineData("ms3", "*.mp4_3.png")]
    [InlineData("avss", "audio.wav")]
    [InlineData("avss", "2.png")]
    public async Task Train_OneValClipFileMissing_NamesThatFile(string format, string pattern)
    {
        var copy = CopyTree(fixture.Trees[format], _tmp["partial"]);
        var removed = Directory.EnumerateFiles(copy, pattern, SearchOption.AllDirectories)
            .Where(f => f.Contains("synth_val_", StringComparison.Ordinal) && !f.Contains("labels", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Last();
        File.Delete(removed);

        var (exit, output) = await Train(copy, "audio-only", _tmp["run"]);

        Assert.Equal(1, exit);
        // The console wraps long lines; the message names the file's path.
        Assert.True(output.ReplaceLineEndings("").Contains(Path.GetFileName(removed), StringComparison.Ordinal), output);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_FolderOfNoKnownLayout_ListsWhatItLookedFor()
    {
        var empty = Directory.CreateDirectory(_tmp["empty"]).FullName;

        var (exit, output) = await Train(empty, "audio-only", _tmp["run"]);

        Assert.Equal(1, exit);
        Assert.Contains("metadata.csv", output, StringComparison.Ordinal);
        Assert.Contains("s4_meta_data.csv", output, StringComparison.Ordinal);
        Assert.Contains("ms3_meta_data.csv", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_WrongFormatNamed_SaysWhatThatFormatNeeds()
    {
        var (exit, output) = await Train(fixture.Trees["avss"], "audio-only", _tmp["run"], "--format", "s4");

        Assert.Equal(1, exit);
        Assert.Contains("s4_meta_data.csv", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("train-audio")]
    [InlineData("train-cues")]
    [InlineData("train-captioner")]
    public async Task EncoderTrainers_AvssRelease_EndWithAClearMessage(string command)
    {
        string[] args = command == "train-cues"
            ? [command, "--data", fixture.Trees["avss"], "--audio", fixture.VggishPth, "--out", _tmp["run"]]
            : [command, "--data", fixture.Trees["avss"], "--out", _tmp["run"], "--epochs", "1"];

        var (exit, output) = await CliRunner.RunAsync(args);

        Assert.Equal(1, exit);
        Assert.Contains("the AVSS release", output, StringComparison.Ordinal);
        Assert.Contains("synth.json", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_PaperPresetWithTorchvisionBackbone_StartsFromThoseWeightsAndRecordsThem()
    {
        var weights = _tmp["resnet50.pth"];
        Tensor conv1;
        using (var scope = NewDisposeScope())
        {
            manual_seed(7);
            using var source = new ResNet50Encoder();
            var dict = source.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone());
            dict["fc.weight"] = zeros(1000, 2048);
            dict["fc.bias"] = zeros(1000);
            PyTorchPickler.PickleStateDict(weights, new System.Collections.Hashtable(dict));
            conv1 = dict["conv1.weight"].clone().MoveToOuterDisposeScope();
        }

        using (conv1)
        {
            var (exit, output) = await Train(fixture.Trees["s4"], "audio-only", _tmp["paper"], "--preset", "paper", "--backbone-weights", weights, "--max-frames", "2", "--lr", "1e-12");
            Assert.True(exit == 0, output);

            var record = JsonDocument.Parse(await File.ReadAllTextAsync(_tmp["paper/segmenter.json"], TestContext.Current.CancellationToken)).RootElement.GetProperty("backbone_weights");
            Assert.Equal(Path.GetFullPath(weights), record.GetProperty("path").GetString());
            Assert.Equal(12, record.GetProperty("fingerprint").GetString()!.Length);
            var (model, _) = SegmenterRun.Load(_tmp["paper"]);
            using (model)
            {
                var trained = model.Trunk.VisualEncoder.state_dict()["conv1.weight"];
                Assert.True(trained.allclose(conv1, rtol: 0, atol: 1e-6), "the backbone did not start from the file's weights");
            }
        }

        var (code, text) = await Train(fixture.Trees["s4"], "audio-only", _tmp["wrong"], "--preset", "paper", "--backbone-weights", fixture.VggishPth, "--max-frames", "2");
        Assert.Equal(1, code);
        Assert.Contains("missing keys: conv1.weight", text, StringComparison.Ordinal);

        (code, text) = await Train(fixture.Trees["s4"], "audio-only", _tmp["small"], "--backbone-weights", weights);
        Assert.Equal(1, code);
        Assert.Contains("--preset paper", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrainCues_TorchvggishWeights_TrainsAgainstThemAndRecordsTheFile()
    {
        var (exit, output) = await CliRunner.RunAsync("train-cues", "--data", fixture["synth"], "--audio", fixture.VggishSafetensors, "--out", _tmp["cues"], "--epochs", "1", "--threads", "1");

        Assert.True(exit == 0, output);
        var config = JsonDocument.Parse(await File.ReadAllTextAsync(_tmp["cues/config.json"], TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal(Path.GetFullPath(fixture.VggishSafetensors), Path.GetFullPath(config.GetProperty("audio_run").GetString()!));
    }

    [Fact]
    public async Task Train_VggishWeightsOfAnotherLayout_NamesTheKeys()
    {
        var bad = _tmp["not-vggish.pth"];
        File.Copy(fixture.CaptionerRun + "/captioner.weights", bad, overwrite: true);

        var (exit, output) = await Train(fixture.Trees["s4"], "audio-only", _tmp["run"], "--vggish-weights", bad);

        Assert.Equal(1, exit);
        Assert.Contains(bad, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output)> Train(string data, string model, string run, params string[] extra) =>
        CliRunner.RunAsync([
            "train", "--data", data, "--model", model, "--out", run, "--epochs", "1", "--batch", "4", "--threads", "1", "--cache", _tmp["cache"],
            .. extra.Contains("--vggish-weights") ? [] : new[] { "--vggish-weights", fixture.VggishPth }, "--cue-run", fixture.CueRun, "--captioner-run", fixture.CaptionerRun, .. extra]);

    private static string CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return to;
    }
}

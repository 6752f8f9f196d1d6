using System.Text.Json;
using SegPref.Models.Audio;
using SegPref.Models.Cues;
using SegPref.Models.Segmentation.Preference;
using SegPref.Models.Segmentation.Training;
using SegPref.Models.Torch;

namespace SegPref.Cli.Tests;

/// <summary>train, eval and preference on a quick AVS-Synth set with random (untrained) frozen encoders: the plumbing, not the quality.</summary>
public sealed class SegmentationCommandsTests(QuickDatasetFixture data) : IClassFixture<QuickDatasetFixture>, IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task TrainEvalPreference_QuickSet_WriteRunsTablesAndFigure()
    {
        var encoders = Encoders();
        var teso = await Train("teso", "--cues", "ground-truth");
        // The baseline reads the audio encoder's time-frequency map (--audio-map), so its ONNX parity below covers that path.
        var baseline = await Train("audio-only", "--audio-map");
        var baselineOptions = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(baseline, "segmenter.json"), TestContext.Current.CancellationToken)).RootElement.GetProperty("options");
        Assert.Equal(24, baselineOptions.GetProperty("AudioTokens").GetInt32());
        Assert.Equal(24 * baselineOptions.GetProperty("AudioMapChannels").GetInt32(), baselineOptions.GetProperty("AudioDim").GetInt32());

        var (exit, output) = await CliRunner.RunAsync("eval", "--data", data.Root, "--run", teso, "--json", "--cache", _tmp["cache"], "--threads", "1", "--by-class");
        Assert.True(exit == 0, output);
        var scores = JsonDocument.Parse(output).RootElement;
        Assert.InRange(scores.GetProperty("miou").GetDouble(), 0, 1);
        Assert.Equal(8 * 3, scores.GetProperty("frames").GetInt32());
        var classes = scores.GetProperty("classes").EnumerateArray().ToList();
        Assert.NotEmpty(classes);
        Assert.True(classes.Sum(c => c.GetProperty("sounding_frames").GetInt32()) >= 8 * 3, "every frame has a sounding object");

        // The keep threshold chosen on val is recorded in segmenter.json with its grid, and eval, export and the ONNX
        // model below all use it.
        (exit, output) = await CliRunner.RunAsync("calibrate", "--data", data.Root, "--run", teso, "--cache", _tmp["cache"]);
        Assert.True(exit == 0, output);
        var config = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(teso, "segmenter.json"), TestContext.Current.CancellationToken)).RootElement;
        var calibration = config.GetProperty("keep_calibration");
        Assert.Equal(calibration.GetProperty("threshold").GetDouble(), config.GetProperty("options").GetProperty("KeepThreshold").GetDouble());
        Assert.Equal(7, calibration.GetProperty("grid").GetArrayLength());
        Assert.True(File.Exists(Path.Combine(teso, "keep-threshold.png")));
        Assert.Contains("(chosen)", await File.ReadAllTextAsync(Path.Combine(teso, "keep-threshold.md"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        (exit, output) = await CliRunner.RunAsync("eval", "--data", data.Root, "--run", teso, "--split", "val", "--json", "--cache", _tmp["cache"], "--threads", "1");
        Assert.True(exit == 0, output);
        Assert.Equal(calibration.GetProperty("chosen").GetProperty("val_j").GetDouble(), JsonDocument.Parse(output).RootElement.GetProperty("miou").GetDouble(), 6);
        (exit, output) = await CliRunner.RunAsync("eval", "--data", data.Root, "--run", teso, "--json", "--cache", _tmp["cache"], "--threads", "1");
        Assert.True(exit == 0, output);
        scores = JsonDocument.Parse(output).RootElement;

        (exit, output) = await CliRunner.RunAsync("export", "--run", teso, "--repo", _tmp["repo"]);
        Assert.True(exit == 0, output);
        (exit, output) = await CliRunner.RunAsync("eval", "--data", data.Root, "--run", teso, "--json", "--cache", _tmp["cache"], "--threads", "1", "--onnx", _tmp["repo"]);
        Assert.True(exit == 0, output);
        var served = JsonDocument.Parse(output).RootElement;
        Assert.Equal(scores.GetProperty("miou").GetDouble(), served.GetProperty("miou").GetDouble(), 3);
        Assert.Equal(scores.GetProperty("f").GetDouble(), served.GetProperty("f").GetDouble(), 3);
        Assert.Equal(scores.GetProperty("reliance").GetDouble(), served.GetProperty("reliance").GetDouble(), 3);

        (exit, output) = await CliRunner.RunAsync("export", "--run", baseline, "--repo", _tmp["repo"]);
        Assert.True(exit == 0, output);
        (exit, output) = await CliRunner.RunAsync("eval", "--data", data.Root, "--run", baseline, "--json", "--cache", _tmp["cache"], "--threads", "1");
        Assert.True(exit == 0, output);
        var baselineScores = JsonDocument.Parse(output).RootElement;
        (exit, output) = await CliRunner.RunAsync("eval", "--data", data.Root, "--run", baseline, "--json", "--cache", _tmp["cache"], "--threads", "1", "--onnx", _tmp["repo"]);
        Assert.True(exit == 0, output);
        var servedBaseline = JsonDocument.Parse(output).RootElement;
        Assert.Equal(baselineScores.GetProperty("miou").GetDouble(), servedBaseline.GetProperty("miou").GetDouble(), 3);
        Assert.Equal(baselineScores.GetProperty("reliance").GetDouble(), servedBaseline.GetProperty("reliance").GetDouble(), 3);

        (exit, output) = await CliRunner.RunAsync("preference", "--data", data.Root, "--runs", teso, baseline, "--out", _tmp["pref"], "--name", "quick", "--cache", _tmp["cache"], "--examples", "2", "--threads", "1");
        Assert.True(exit == 0, output);
        var dataset = Assert.Single(JsonDocument.Parse(await File.ReadAllTextAsync(_tmp["pref/preference.json"], TestContext.Current.CancellationToken)).RootElement.GetProperty("datasets").EnumerateArray());
        Assert.Equal("quick", dataset.GetProperty("name").GetString());
        var runs = dataset.GetProperty("runs");
        Assert.Equal(2, runs.GetArrayLength());
        Assert.Equal("teso", runs[0].GetProperty("model").GetString());
        Assert.Equal("audio-only", runs[1].GetProperty("model").GetString());
        foreach (var run in runs.EnumerateArray())
        {
            var test = run.GetProperty("test");
            Assert.InRange(test.GetProperty("normal").GetProperty("j").GetDouble(), 0, 1);
            Assert.True(test.GetProperty("mute").TryGetProperty("delta_j", out _));
            Assert.InRange(test.GetProperty("mute").GetProperty("null_s").GetDouble(), 0, 1);
            Assert.True(test.GetProperty("wgn-10").TryGetProperty("delta_f", out _));
            Assert.True(test.GetProperty("wgn-40").TryGetProperty("j", out _));
            Assert.True(test.GetProperty("off-screen").TryGetProperty("delta_j", out _));
            foreach (var silent in new[] { "noise-floor", "dither", "swapped" })
            {
                Assert.InRange(test.GetProperty(silent).GetProperty("null_s").GetDouble(), 0, 1);
                Assert.False(test.GetProperty(silent).TryGetProperty("j", out _), $"{silent} has no J: nothing visible sounds");
                Assert.InRange(test.GetProperty(silent).GetProperty("reliance").GetDouble(), 0, 1);
            }

            Assert.InRange(run.GetProperty("swapped_below_own").GetDouble(), 0, 1);
            Assert.InRange(run.GetProperty("counter").GetProperty("f").GetDouble(), 0, 1);
        }

        var md = await File.ReadAllTextAsync(_tmp["pref/preference-quick.md"], TestContext.Current.CancellationToken);
        Assert.Contains("| teso |", md, StringComparison.Ordinal);
        Assert.Contains("swapped < own", md, StringComparison.Ordinal);
        Assert.True(new FileInfo(_tmp["pref/examples-quick.png"]).Length > 1000);
        Assert.True(new FileInfo(_tmp["pref/reliance-quick.png"]).Length > 1000);

        async Task<string> Train(string model, params string[] extra)
        {
            var dir = _tmp[model];
            string[] args = ["train", "--data", data.Root, "--model", model, "--out", dir, "--epochs", "1", "--batch", "8", "--threads", "1", "--cache", _tmp["cache"], .. encoders, .. extra];
            var (code, text) = await CliRunner.RunAsync(args);
            Assert.True(code == 0, text);
            Assert.Contains("epoch 1/1", text, StringComparison.Ordinal);
            return dir;
        }
    }

    [Fact]
    public async Task Train_ExistingRunWithoutResume_FailsAndResumeContinues()
    {
        string[] common = ["train", "--data", data.Root, "--model", "audio-only", "--out", _tmp["run"], "--batch", "8", "--max-frames", "16", "--threads", "1", "--cache", "none", .. Encoders()];
        var (exit, output) = await CliRunner.RunAsync([.. common, "--epochs", "1"]);
        Assert.True(exit == 0, output);

        (exit, output) = await CliRunner.RunAsync([.. common, "--epochs", "1"]);
        Assert.Equal(1, exit);
        Assert.Contains("--resume", output, StringComparison.Ordinal);

        (exit, output) = await CliRunner.RunAsync([.. common, "--epochs", "1", "--resume"]);
        Assert.True(exit == 0, output);
        Assert.Contains("(1 epochs", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_InfoNceWeight_IsRecordedAndContradictingNoInfoNceIsRefused()
    {
        string[] common = ["train", "--data", data.Root, "--model", "teso", "--cues", "ground-truth", "--out", _tmp["nce"], "--batch", "8", "--max-frames", "8", "--epochs", "1", "--threads", "1", "--cache", "none", .. Encoders()];

        var (exit, output) = await CliRunner.RunAsync([.. common, "--no-infonce", "--infonce-weight", "0.3"]);
        Assert.Equal(1, exit);
        Assert.Contains("--no-infonce", output, StringComparison.Ordinal);
        Assert.False(File.Exists(_tmp["nce/segmenter.json"]));

        (exit, output) = await CliRunner.RunAsync([.. common, "--infonce-weight", "0.3"]);
        Assert.True(exit == 0, output);
        var training = JsonDocument.Parse(await File.ReadAllTextAsync(_tmp["nce/segmenter.json"], TestContext.Current.CancellationToken)).RootElement.GetProperty("training");
        Assert.Equal(0.3, training.GetProperty("infonce_weight").GetDouble());
    }

    [Theory]
    [InlineData("--audio-prompts")]
    [InlineData("--silent-prompts")]
    [InlineData("--open-cue")]
    [InlineData("--cue-weight", "0.5")]
    [InlineData("--counterfactual-weight", "1")]
    [InlineData("--no-infonce")]
    [InlineData("--infonce-weight", "0.3")]
    [InlineData("--no-dynamic-mask")]
    [InlineData("--dynamic-mask", "calibrated")]
    [InlineData("--cues", "ground-truth")]
    public async Task Train_AudioOnlyWithTesoSwitch_IsRefusedBeforeAnythingIsWritten(string flag, string? value = null)
    {
        string[] switchArgs = value is null ? [flag] : [flag, value];
        string[] args = ["train", "--data", data.Root, "--model", "audio-only", "--out", _tmp["ao"], "--epochs", "1", "--cache", "none", .. switchArgs, .. Encoders()];
        var (exit, output) = await CliRunner.RunAsync(args);

        Assert.Equal(1, exit);
        Assert.Contains(flag, output, StringComparison.Ordinal);
        Assert.Contains("audio-only", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_tmp["ao"]) && Directory.EnumerateFileSystemEntries(_tmp["ao"]).Any());
    }

    [Fact]
    public async Task Train_Recipe_SetsItsSwitchesAndExplicitFlagsOverrideThem()
    {
        string[] common = ["train", "--data", data.Root, "--model", "teso", "--cues", "ground-truth", "--batch", "8", "--max-frames", "8", "--epochs", "1", "--threads", "1", "--cache", "none", .. Encoders()];

        var (exit, output) = await CliRunner.RunAsync([.. common, "--out", _tmp["served"]]);
        Assert.True(exit == 0, output);
        var served = Training(_tmp["served"]);
        Assert.Equal((1.0, true, "Paper"), (served.GetProperty("cue_weight").GetDouble(), served.GetProperty("audio_prompts").GetBoolean(), served.GetProperty("dynamic_mask").GetString()));
        Assert.Equal((true, true, false), (served.GetProperty("open_cue").GetBoolean(), served.GetProperty("visual_open_cue").GetBoolean(), served.GetProperty("evidence_relevance").GetBoolean()));

        (exit, output) = await CliRunner.RunAsync([.. common, "--out", _tmp["paper"], "--recipe", "paper", "--dynamic-mask", "calibrated", "--audio-prompts"]);
        Assert.True(exit == 0, output);
        var paper = Training(_tmp["paper"]);
        Assert.Equal((0.0, true, "Calibrated"), (paper.GetProperty("cue_weight").GetDouble(), paper.GetProperty("audio_prompts").GetBoolean(), paper.GetProperty("dynamic_mask").GetString()));
        Assert.False(paper.GetProperty("open_cue").GetBoolean());

        Assert.False(served.GetProperty("silent_prompts").GetBoolean());
        (exit, output) = await CliRunner.RunAsync([.. common, "--out", _tmp["plain"], "--open-cue", "false", "--evidence-relevance", "--silent-prompts"]);
        Assert.True(exit == 0, output);
        var plain = Training(_tmp["plain"]);
        Assert.Equal((false, false, true), (plain.GetProperty("open_cue").GetBoolean(), plain.GetProperty("visual_open_cue").GetBoolean(), plain.GetProperty("evidence_relevance").GetBoolean()));
        Assert.True(plain.GetProperty("silent_prompts").GetBoolean());
        var sizes = JsonDocument.Parse(File.ReadAllText(Path.Combine(_tmp["plain"], "segmenter.json"))).RootElement.GetProperty("options");
        Assert.True(sizes.GetProperty("SilentPrompts").GetBoolean());

        (exit, output) = await CliRunner.RunAsync([.. common, "--out", _tmp["bad"], "--no-dynamic-mask", "--dynamic-mask", "paper"]);
        Assert.Equal(1, exit);
        Assert.Contains("contradict", output, StringComparison.Ordinal);
        (exit, output) = await CliRunner.RunAsync([.. common, "--out", _tmp["bad"], "--repeat-silent"]);
        Assert.Equal(1, exit);
        Assert.Contains("need a repeat threshold", string.Join(' ', output.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        (exit, _) = await CliRunner.RunAsync([.. common, "--out", _tmp["bad"], "--recipe", "best"]);
        Assert.NotEqual(0, exit);
        Assert.False(File.Exists(_tmp["bad/segmenter.json"]));

        static JsonElement Training(string run) => JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "segmenter.json"))).RootElement.GetProperty("training");
    }

    [Fact]
    public async Task Train_CounterfactualWeight_IsRecorded_EvalByCueReportsTheSoftKeeps_ExplainAttributesThePaint()
    {
        string[] common = ["--data", data.Root, "--threads", "1", "--cache", _tmp["cf-cache"]];
        var (exit, output) = await CliRunner.RunAsync([
            "train", .. common, "--model", "teso", "--cues", "ground-truth", "--out", _tmp["cf"], "--batch", "8", "--max-frames", "8", "--epochs", "1",
            "--counterfactual-weight", "0.5", "--counterfactual-off-screen", "--counterfactual-swapped", "false", .. Encoders()]);
        Assert.True(exit == 0, output);
        var training = JsonDocument.Parse(await File.ReadAllTextAsync(_tmp["cf/segmenter.json"], TestContext.Current.CancellationToken)).RootElement.GetProperty("training");
        Assert.Equal(0.5, training.GetProperty("counterfactual_weight").GetDouble());
        Assert.True(training.GetProperty("counterfactual_off_screen").GetBoolean());
        Assert.False(training.GetProperty("counterfactual_swapped").GetBoolean());

        (exit, output) = await CliRunner.RunAsync(["eval", .. common, "--run", _tmp["cf"], "--split", "val", "--by-cue", "--by-audibility", "--json"]);
        Assert.True(exit == 0, output);
        var cues = JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement.GetProperty("cues").EnumerateArray().ToList();
        var all = Assert.Single(cues, c => c.GetProperty("cue").GetString() == "all text cues");
        Assert.True(all.GetProperty("sounding_cues").GetInt32() + all.GetProperty("silent_cues").GetInt32() > 0);
        Assert.All(cues.Where(c => c.GetProperty("sounding_keep").ValueKind == JsonValueKind.Number), c => Assert.InRange(c.GetProperty("sounding_keep").GetDouble(), 0, 1));
        var scores = JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;
        Assert.Equal(scores.GetProperty("frames").GetInt32(), scores.GetProperty("audibility").EnumerateArray().Sum(b => b.GetProperty("frames").GetInt32()));

        // explain: the ablations and attention shares as markdown, JSON and a figure; under swapped audio nothing visible sounds.
        foreach (var audio in new[] { "normal", "swapped" })
        {
            (exit, output) = await CliRunner.RunAsync(["explain", .. common, "--run", _tmp["cf"], "--split", "val", "--audio", audio, "--examples", "2", "--out", _tmp[$"explain-{audio}"]]);
            Assert.True(exit == 0, output);
            var report = JsonDocument.Parse(await File.ReadAllTextAsync(_tmp[$"explain-{audio}/explain.json"], TestContext.Current.CancellationToken)).RootElement;
            var withheld = report.GetProperty("ablations").EnumerateArray().Select(a => a.GetProperty("withheld").GetString()).ToList();
            Assert.Equal(["nothing", "text cues"], withheld.Take(2));
            Assert.Equal("every prompt", withheld[^1]);
            Assert.Contains("| every prompt |", await File.ReadAllTextAsync(_tmp[$"explain-{audio}/explain.md"], TestContext.Current.CancellationToken), StringComparison.Ordinal);
            Assert.True(File.Exists(_tmp[$"explain-{audio}/explain.png"]) == report.GetProperty("examples").GetArrayLength() > 0);
            var served = report.GetProperty("ablations")[0];
            if (audio == "swapped")
            {
                Assert.Equal(0, served.GetProperty("class_sounding_objects").GetInt32());
                Assert.Equal(JsonValueKind.Null, served.GetProperty("sounding_j").ValueKind);
            }
        }

        (exit, output) = await CliRunner.RunAsync(["explain", .. common, "--run", _tmp["cf"], "--split", "val", "--examples", "100", "--out", _tmp["explain-bad"]]);
        Assert.Equal(1, exit);
        Assert.Contains("--examples", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_OpenCueSwappedPass_TrainsAndIsRecordedAndNamedInTheRecipe()
    {
        string[] common = ["--data", data.Root, "--threads", "1", "--cache", _tmp["ocf-cache"]];
        var (exit, output) = await CliRunner.RunAsync([
            "train", .. common, "--model", "teso", "--cues", "ground-truth", "--out", _tmp["ocf"], "--batch", "4", "--max-frames", "8", "--epochs", "1",
            "--counterfactual-weight", "1", "--counterfactual-swapped-open-cue", .. Encoders()]);
        Assert.True(exit == 0, output);
        var training = JsonDocument.Parse(await File.ReadAllTextAsync(_tmp["ocf/segmenter.json"], TestContext.Current.CancellationToken)).RootElement.GetProperty("training");
        Assert.True(training.GetProperty("counterfactual_swapped_open_cue").GetBoolean());
        Assert.Contains("swapped on the open cue", RunRecipe.Describe(SegmenterRun.ReadConfig(_tmp["ocf"])), StringComparison.Ordinal);

        (exit, output) = await CliRunner.RunAsync(["train", .. common, "--model", "teso", "--out", _tmp["ocf-bad"], "--epochs", "1", "--counterfactual-weight", "1", "--counterfactual-swapped", "false", "--counterfactual-swapped-open-cue", .. Encoders()]);
        Assert.Equal(1, exit);
        Assert.Contains("open-cue swapped pass", output, StringComparison.Ordinal);
        (exit, output) = await CliRunner.RunAsync(["train", "--data", data.Root, "--model", "audio-only", "--out", _tmp["ocf-bad"], "--epochs", "1", "--counterfactual-swapped-open-cue", .. Encoders()]);
        Assert.Equal(1, exit);
        Assert.Contains("--counterfactual-swapped-open-cue", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_CounterfactualWeightWithoutCueWeight_IsRefused()
    {
        var (exit, output) = await CliRunner.RunAsync([
            "train", "--data", data.Root, "--model", "teso", "--recipe", "paper", "--out", _tmp["cf-bad"], "--epochs", "1", "--cache", "none",
            "--counterfactual-weight", "1", .. Encoders()]);

        Assert.Equal(1, exit);
        Assert.Contains("counterfactual weight", output, StringComparison.Ordinal);
        Assert.False(File.Exists(_tmp["cf-bad/segmenter.json"]));

        (exit, output) = await CliRunner.RunAsync([
            "train", "--data", data.Root, "--model", "teso", "--out", _tmp["cf-bad"], "--epochs", "1", "--cache", "none", "--counterfactual-off-screen", .. Encoders()]);
        Assert.Equal(1, exit);
        Assert.Contains("off-screen counterfactual", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_UnknownAudioCondition_FailsNamingIt()
    {
        var (exit, output) = await CliRunner.RunAsync("eval", "--data", data.Root, "--run", _tmp.Path, "--audio", "loud");

        Assert.Equal(1, exit);
        Assert.Contains("loud", output, StringComparison.Ordinal);
    }

    private string[] Encoders()
    {
        TorchRuntime.EnsureInitialized();
        if (!File.Exists(_tmp["audio/weights.bin"]))
        {
            TorchSharp.torch.manual_seed(1);
            using var tagger = new AudioTagger(VggishPreset.Small, 2);
            AudioEncoderRun.Save(tagger, new AudioEncoderConfig("small", [17, 28], ["dog", "guitar"], 0, 1, 1, 1e-3, 0, "none", data.Root, "test"), _tmp["audio"]);
            var vocabulary = CueVocabulary.AvssSoundCapable;
            using var cues = new CueEncoder(vocabulary.Count, 16, 32, 128);
            CueEncoderRun.Save(cues, new CueEncoderConfig([.. vocabulary.Words], 16, 32, 128, new CueTrainingOptions(), _tmp["audio"], "none", "test", "test", data.Root, "test"), _tmp["cues"]);
        }

        return ["--audio-run", _tmp["audio"], "--cue-run", _tmp["cues"], "--captioner-run", _tmp["none"]];
    }
}

using System.Text.Json.Nodes;

namespace SegPref.Cli.Tests;

/// <summary>
/// --resume on train-audio, train-cues and train-captioner (segpref train has its own test): a folder holding a run is
/// refused without it, a resume with other settings is refused naming them, a resume with the same settings continues;
/// and a loss that becomes NaN is a one-line error.
/// </summary>
public sealed class TrainingResumeCommandsTests(QuickDatasetFixture data) : IClassFixture<QuickDatasetFixture>, IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task TrainAudio_ExistingRun_NeedsResumeAndTheSameSettings()
    {
        string[] common = ["train-audio", "--data", data.Root, "--out", _tmp["run"], "--batch", "24", "--threads", "1"];

        await ExpectResumeRules(common, "epochs (1 in the run, 2 now)");
    }

    [Fact]
    public async Task TrainCues_ExistingRun_NeedsResumeAndTheSameSettings()
    {
        string[] common = ["train-cues", "--data", data.Root, "--audio", RandomRuns.Audio(_tmp["audio"], data.Root), "--out", _tmp["run"], "--threads", "1"];

        await ExpectResumeRules(common, "options.Epochs (1 in the run, 2 now)");
    }

    [Fact]
    public async Task TrainCaptioner_ExistingRun_NeedsResumeAndTheSameSettings()
    {
        string[] common = ["train-captioner", "--data", data.Root, "--out", _tmp["run"], "--max-frames", "8", "--batch", "8", "--size", "32", "--encoder-width", "8", "--threads", "1"];

        await ExpectResumeRules(common, "training.epochs (1 in the run, 2 now)");
    }

    [Fact]
    public async Task TrainAudio_LossBecomesNaN_FailsWithOneLineNamingEpochAndStep()
    {
        var (exit, output) = await CliRunner.RunAsync("train-audio", "--data", data.Root, "--out", _tmp["nan"], "--batch", "4", "--lr", "1e20", "--no-augment", "--threads", "1");

        // The console wraps long lines at its width; the message itself has no line break.
        var text = string.Join(' ', output.Split('\n', StringSplitOptions.TrimEntries));
        Assert.Equal(1, exit);
        Assert.Single(output.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Matches(@"error: Training loss is not finite at step \d+: .+ \(epoch \d+, step \d+ of \d+\); training stopped before the weights changed", text);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    private async Task ExpectResumeRules(string[] common, string epochsDifference)
    {
        var (exit, output) = await CliRunner.RunAsync([.. common, "--epochs", "1"]);
        Assert.True(exit == 0, output);
        var state = JsonNode.Parse(await File.ReadAllTextAsync(_tmp["run/state.json"], TestContext.Current.CancellationToken))!;
        Assert.Equal(1, (int)state["epochs_done"]!);

        (exit, output) = await CliRunner.RunAsync([.. common, "--epochs", "1"]);
        Assert.Equal(1, exit);
        Assert.Contains("--resume", output, StringComparison.Ordinal);

        (exit, output) = await CliRunner.RunAsync([.. common, "--epochs", "2", "--resume"]);
        Assert.Equal(1, exit);
        Assert.Contains("cannot resume with different settings", output, StringComparison.Ordinal);
        Assert.Contains(epochsDifference, output, StringComparison.Ordinal);

        (exit, output) = await CliRunner.RunAsync([.. common, "--epochs", "1", "--resume"]);
        Assert.True(exit == 0, output);
        var resumed = JsonNode.Parse(await File.ReadAllTextAsync(_tmp["run/state.json"], TestContext.Current.CancellationToken))!;
        Assert.Equal((long)state["steps"]!, (long)resumed["steps"]!);
    }
}

using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace SegPref.Cli.Tests;

/// <summary>Ctrl-C on a training command, for real: segpref runs as a child process and gets SIGINT mid-run.</summary>
public sealed class TrainingInterruptTests(QuickDatasetFixture data) : IClassFixture<QuickDatasetFixture>, IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task TrainCues_CtrlC_StopsAfterTheCurrentStepKeepsTheLastEpochAndExits130()
    {
        var ct = TestContext.Current.CancellationToken;
        var output = new StringBuilder();
        var secondEpoch = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = Start(["train-cues", "--data", data.Root, "--audio", RandomRuns.Audio(_tmp["audio"], data.Root), "--out", _tmp["run"], "--epochs", "100000", "--threads", "1"]);
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.StartsWith("epoch 2/", StringComparison.Ordinal) == true)
            {
                secondEpoch.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await secondEpoch.Task.WaitAsync(Deadline, ct);
            PosixSignal.Send(process.Id, PosixSignal.SigInt);
            await process.WaitForExitAsync(ct).WaitAsync(Deadline, ct);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }

        var text = output.ToString();
        var state = JsonNode.Parse(await File.ReadAllTextAsync(_tmp["run/state.json"], ct))!;
        var epochsDone = (int)state["epochs_done"]!;
        Assert.True(process.ExitCode == 130, text);
        Assert.Contains("interrupt: stopping after the current step", text, StringComparison.Ordinal);
        Assert.Matches($@"stopped: cancelled during epoch {epochsDone + 1}; resume restarts it", text);
        Assert.InRange(epochsDone, 2, 99_999);
        Assert.True(File.Exists(_tmp["run/last.bin"]));
    }

    private static Process Start(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "segpref.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }
}

using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace SegPref.Cli.Tests;

/// <summary>
/// Ctrl-C (and SIGTERM) on a training command, for real: segpref runs as a child process and gets the signal mid-run.
/// The child starts through coreutils' env with SIGINT at its default action: a test runner started as a background
/// job passes SIGINT down ignored, and an ignored signal never reaches the process.
/// </summary>
public sealed class TrainingInterruptTests(QuickDatasetFixture data) : IClassFixture<QuickDatasetFixture>, IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Theory]
    [InlineData(PosixSignal.SigInt)]
    [InlineData(PosixSignal.SigTerm)]
    public async Task TrainCues_Interrupted_StopsAfterTheCurrentStepKeepsTheLastEpochAndExits130(int signal)
    {
        var ct = TestContext.Current.CancellationToken;
        using var process = Start(["train-cues", "--data", data.Root, "--audio", RandomRuns.Audio(_tmp["audio"], data.Root), "--out", _tmp["run"], "--epochs", "100000", "--threads", "1"]);
        var output = new StringBuilder();
        var secondEpoch = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Dedicated reader threads: the thread pool can be saturated by the in-process command tests running beside
        // this one, and a child whose pipe is not drained blocks on its next line.
        var reading = Task.WhenAll(
            Read(process.StandardOutput, output, line =>
            {
                if (line.StartsWith("epoch 2/", StringComparison.Ordinal))
                {
                    secondEpoch.TrySetResult();
                }
            }),
            Read(process.StandardError, output, _ => { }));
        try
        {
            var exited = process.WaitForExitAsync(ct);
            var first = await Task.WhenAny(secondEpoch.Task, exited, Task.Delay(Deadline, ct));
            Assert.True(first == secondEpoch.Task, $"no second epoch ({(exited.IsCompleted ? $"exit {process.ExitCode}" : "timed out")}): {Text(output)}");
            PosixSignal.Send(process.Id, signal);
            Assert.True(await Task.WhenAny(exited, Task.Delay(Deadline, ct)) == exited, $"still running after SIGINT: {Text(output)}");
            await reading;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }

        var text = Text(output);
        var state = JsonNode.Parse(await File.ReadAllTextAsync(_tmp["run/state.json"], ct))!;
        var epochsDone = (int)state["epochs_done"]!;
        Assert.True(process.ExitCode == 130, text);
        Assert.Contains("interrupt: stopping at the next safe point", text, StringComparison.Ordinal);
        Assert.Matches($@"stopped: cancelled during epoch {epochsDone + 1}; resume restarts it", text);
        Assert.InRange(epochsDone, 2, 99_999);
        Assert.True(File.Exists(_tmp["run/last.bin"]));
    }

    private static Process Start(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--default-signal=INT");
        start.ArgumentList.Add(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "segpref.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private static Task Read(StreamReader reader, StringBuilder output, Action<string> onLine) => Task.Factory.StartNew(
        () =>
        {
            while (reader.ReadLine() is { } line)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }

                onLine(line);
            }
        },
        CancellationToken.None,
        TaskCreationOptions.LongRunning,
        TaskScheduler.Default);

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}

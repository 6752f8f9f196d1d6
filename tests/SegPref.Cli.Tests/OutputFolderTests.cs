using System.Diagnostics;
using System.Text;

namespace SegPref.Cli.Tests;

/// <summary>
/// `dotnet publish tools/SegPref.Cli -o DIR` and `dotnet build tools/SegPref.Cli -o DIR`, for real: the folder is made by
/// the SDK (Debug, reusing this build), and DIR/segpref runs from a working directory outside the repository, where only
/// what the folder holds can be found (the mesh processes beside segpref, the model repository in DIR/models).
/// </summary>
public sealed class OutputFolderTests : IDisposable
{
    private static readonly TimeSpan BuildDeadline = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan RunDeadline = TimeSpan.FromMinutes(4);
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task Publish_OutputFolder_RunsDemoAndMeshUpFromAnotherFolder()
    {
        var dir = _tmp["publish"];
        await Sdk("publish", dir);

        var (exit, output) = await Segpref(dir, RunDeadline, null, "demo", "--out", _tmp["demo"]);
        Assert.True(exit == 0, output);
        Assert.Contains("gateway is serving", output, StringComparison.Ordinal);
        Assert.True(File.Exists(_tmp["demo/segment/result.json"]), output);

        (exit, output) = await Segpref(dir, RunDeadline, "Ctrl-C stops everything", "mesh", "up", "--port", "0", "--state", _tmp["mesh.json"]);
        Assert.True(exit == 0, output);
        Assert.Contains("stopping the mesh", output, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(dir, "models"), output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_OutputFolder_RunsDemoFromAnotherFolder()
    {
        var dir = _tmp["build"];
        await Sdk("build", dir);

        var (exit, output) = await Segpref(dir, RunDeadline, null, "demo", "--out", _tmp["demo"]);

        Assert.True(exit == 0, output);
        Assert.Contains("gateway is serving", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeshUp_BinWithoutProcesses_ListsWhereItLooked()
    {
        var empty = Directory.CreateDirectory(_tmp["empty"]).FullName;

        var (exit, output) = await CliRunner.RunAsync("mesh", "up", "--port", "0", "--bin", empty, "--state", _tmp["mesh.json"]);

        Assert.Equal(1, exit);
        Assert.Contains("Looked in:", output, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(empty, "SegPref.Captioner.Service.dll"), output, StringComparison.Ordinal);
    }

    // The SDK as a user runs it, on the checkout these tests were built from, in the test run's configuration (Debug in
    // CI: nothing is compiled again, the outputs are copied). No build server is left behind.
    private async Task Sdk(string verb, string outDir)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = _tmp.Path };
        foreach (var arg in new[] { verb, Path.Combine(RepositoryRoot(), "tools", "SegPref.Cli"), "-c", Configuration(), "-o", outDir, "--no-restore", "-nodeReuse:false", "-p:UseSharedCompilation=false" })
        {
            info.ArgumentList.Add(arg);
        }

        var (exit, output) = await RunAsync(info, BuildDeadline, null);
        Assert.True(exit == 0, $"dotnet {verb} failed: {output}");
        Assert.True(File.Exists(Path.Combine(outDir, "SegPref.Gateway.dll")), $"no gateway beside segpref after dotnet {verb}: {output}");
    }

    private async Task<(int Exit, string Output)> Segpref(string dir, TimeSpan deadline, string? interruptAfter, params string[] args)
    {
        // A working directory outside the repository: nothing can be found by walking up to SegPref.Mesh.sln.
        var info = new ProcessStartInfo("/usr/bin/env") { WorkingDirectory = _tmp.Path };
        info.ArgumentList.Add("--default-signal=INT");
        info.ArgumentList.Add(Path.Combine(dir, "segpref"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return await RunAsync(info, deadline, interruptAfter);
    }

    private static async Task<(int Exit, string Output)> RunAsync(ProcessStartInfo info, TimeSpan deadline, string? interruptAfter)
    {
        var ct = TestContext.Current.CancellationToken;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;

        // The test host's MSBuild variables would point a nested SDK at this run's build state.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}");
        var output = new StringBuilder();
        var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = Task.WhenAll(Read(process.StandardOutput), Read(process.StandardError));
        try
        {
            var exited = process.WaitForExitAsync(ct);
            if (interruptAfter is not null)
            {
                var first = await Task.WhenAny(marker.Task, exited, Task.Delay(deadline, ct));
                Assert.True(first == marker.Task, $"'{interruptAfter}' never printed: {Text()}");
                PosixSignal.Send(process.Id, PosixSignal.SigInt);
            }

            Assert.True(await Task.WhenAny(exited, Task.Delay(deadline, ct)) == exited, $"{info.FileName} still running after {deadline}: {Text()}");
            await reading;
            return (process.ExitCode, Text());
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        Task Read(StreamReader reader) => Task.Factory.StartNew(
            () =>
            {
                while (reader.ReadLine() is { } line)
                {
                    lock (output)
                    {
                        output.AppendLine(line);
                    }

                    if (interruptAfter is not null && line.Contains(interruptAfter, StringComparison.Ordinal))
                    {
                        marker.TrySetResult();
                    }
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        string Text()
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SegPref.Mesh.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No SegPref.Mesh.sln above the test binaries.");
    }

    // .../bin/<Configuration>/net10.0/ -> <Configuration>.
    private static string Configuration() => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
}

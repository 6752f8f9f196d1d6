using System.Diagnostics;
using System.Text.Json;
using Grpc.Net.Client;
using SegPref.Contracts.Clients;
using SegPref.Contracts.Segmentation.V1;

namespace SegPref.Mesh.Tests.EndToEnd;

/// <summary>
/// A backend team's client: Python stubs generated from protos/ alone by Debian's grpc_tools (protoc 3.5, the oldest
/// protoc we promise), calling Pipeline.Segment through the gateway with clients/python/segment.py; its masks must be the
/// ones the C# client gets for the same clip. Needs python3-grpcio and python3-grpc-tools (.ci/run installs them).
/// </summary>
public sealed class PythonClientTests(OnnxMeshFixture mesh) : IClassFixture<OnnxMeshFixture>, IDisposable
{
    private const string Python = "/usr/bin/python3";
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);
    private readonly string _dir = Directory.CreateTempSubdirectory("segpref-python-client-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Segment_GeneratedPythonClientThroughGateway_GetsTheMasksTheCSharpClientGets()
    {
        var ct = TestContext.Current.CancellationToken;
        var protos = Path.Combine(Root(), "protos");
        var generated = Directory.CreateDirectory(Path.Combine(_dir, "gen")).FullName;
        string[] files = [.. Directory.EnumerateFiles(protos, "*.proto", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(protos, f)).Order(StringComparer.Ordinal)];
        var (exit, output) = await RunAsync(protos, null, ["-m", "grpc_tools.protoc", "-I", ".", "--python_out", generated, "--grpc_python_out", generated, .. files]);
        Assert.True(exit == 0, $"grpc_tools.protoc refused protos/: {output}");

        var framePaths = new List<string>();
        for (var t = 0; t < mesh.Frames.Count; t++)
        {
            framePaths.Add(Path.Combine(_dir, $"{t}.png"));
            await File.WriteAllBytesAsync(framePaths[^1], mesh.Frames[t], ct);
        }

        var wav = Path.Combine(_dir, "audio.wav");
        await File.WriteAllBytesAsync(wav, mesh.Wav, ct);
        var gateway = $"{mesh.Gateway.Address.Host}:{mesh.Gateway.Address.Port}";
        (exit, output) = await RunAsync(_dir, generated, [Path.Combine(Root(), "clients", "python", "segment.py"), "--gateway", gateway, "--audio", wav, .. framePaths]);
        Assert.True(exit == 0, $"segment.py failed: {output}");
        var python = JsonDocument.Parse(output).RootElement;

        using var channel = GrpcChannel.ForAddress(mesh.Gateway.Address, new GrpcChannelOptions { MaxReceiveMessageSize = 64 << 20 });
        var request = SegmentClient.BuildRequest(mesh.Frames, mesh.Wav, new SegmentClientOptions { AudioReliance = true });
        var expected = await new Pipeline.PipelineClient(channel).SegmentAsync(request, cancellationToken: ct);

        var frames = python.GetProperty("frames").EnumerateArray().ToList();
        Assert.Equal(expected.Frames.Count, frames.Count);
        for (var t = 0; t < frames.Count; t++)
        {
            var want = expected.Frames[t];
            Assert.Equal(want.Mask.Width, frames[t].GetProperty("width").GetInt32());
            Assert.Equal(want.Mask.Height, frames[t].GetProperty("height").GetInt32());
            Assert.Equal(want.Mask.Area, frames[t].GetProperty("area").GetInt64());
            Assert.Equal(want.Mask.Rle, frames[t].GetProperty("rle").GetString());
            Assert.Equal(want.Mask.Png.ToByteArray(), frames[t].GetProperty("png").GetBytesFromBase64());
            Assert.Equal(want.Description, frames[t].GetProperty("description").GetString());
            Assert.Equal(want.Cues, frames[t].GetProperty("cues").EnumerateArray().Select(c => c.GetString()));
            Assert.True(want.HasAudioReliance);
            Assert.Equal(want.AudioReliance, (float)frames[t].GetProperty("audio_reliance").GetDouble());
        }

        Assert.Contains(frames, f => f.GetProperty("area").GetInt64() > 0);
        Assert.Contains(python.GetProperty("models").EnumerateArray(), m => m.GetString()!.StartsWith("segmenter=teso/", StringComparison.Ordinal));
    }

    private static async Task<(int Exit, string Output)> RunAsync(string workingDirectory, string? pythonPath, string[] args)
    {
        Assert.True(File.Exists(Python), $"{Python} not found: apt-get install python3-grpcio python3-grpc-tools");
        var info = new ProcessStartInfo(Python) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        if (pythonPath is not null)
        {
            info.Environment["PYTHONPATH"] = pythonPath;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var error = await stderr;
        return (process.ExitCode, process.ExitCode == 0 ? await stdout : error + await stdout);
    }

    private static string Root() => Path.GetDirectoryName(OnnxMeshFixture.RepositoryRoot)!;
}

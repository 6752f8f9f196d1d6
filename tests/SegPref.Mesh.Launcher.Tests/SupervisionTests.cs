using System.Diagnostics;
using Grpc.Net.Client;
using SegPref.Contracts.Segmentation.V1;

namespace SegPref.Mesh.Launcher.Tests;

/// <summary>The real mesh as processes on the committed models: a killed service comes back; a crash loop gives up.</summary>
public sealed class SupervisionTests
{
    [Fact]
    public async Task LocalMesh_ServiceKilledTwiceWithOneRestartAllowed_RestartsOnceThenGivesUp()
    {
        var log = new List<string>();
        var options = new MeshLaunchOptions
        {
            ModelRepository = RepositoryRoot.Models,
            GatewayPort = 0,
            StateFile = Path.Combine(Path.GetTempPath(), $"segpref-supervision-{Guid.NewGuid():N}.json"),
            Models = [ModelSelection.Parse("segmenter=audio-only")],
            Restarts = new RestartPolicy { MaxRestarts = 1, InitialBackoff = TimeSpan.FromMilliseconds(200) },
        };
        await using var mesh = await LocalMesh.StartAsync(options, line => { lock (log) { log.Add(line); } }, TestContext.Current.CancellationToken);
        var first = mesh.ProcessId("audio");
        Assert.Equal(first, MeshState.Read(options.StateFile!).Processes.Single(p => p.Name == "audio").Pid);

        Process.GetProcessById(first).Kill();
        var reply = await SegmentUntilOkAsync(mesh.Gateway, TimeSpan.FromMinutes(2));
        var second = mesh.ProcessId("audio");
        Process.GetProcessById(second).Kill();
        var message = await mesh.Failed.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        Assert.Single(reply.Frames);
        Assert.Contains(reply.Models, m => m.Role == "segmenter" && m.Name == "audio-only");
        Assert.NotEqual(first, second);
        Assert.Equal(second, MeshState.Read(options.StateFile!).Processes.Single(p => p.Name == "audio").Pid);
        lock (log)
        {
            Assert.Contains(log, l => l.StartsWith("audio exited with code", StringComparison.Ordinal) && l.Contains("restarting it in 0.2 s", StringComparison.Ordinal));
            Assert.Contains(log, l => l.StartsWith("audio is serving again", StringComparison.Ordinal));
        }

        Assert.StartsWith("audio exited 2 times within 120 s", message, StringComparison.Ordinal);
        Assert.Contains("giving up", message, StringComparison.Ordinal);
    }

    private static async Task<PipelineResponse> SegmentUntilOkAsync(Uri gateway, TimeSpan within)
    {
        using var channel = GrpcChannel.ForAddress(gateway);
        var client = new Pipeline.PipelineClient(channel);
        var request = TestRequests.OneRedFrame();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await client.SegmentAsync(request, deadline: DateTime.UtcNow.AddSeconds(20), cancellationToken: TestContext.Current.CancellationToken);
            }
            catch (Grpc.Core.RpcException) when (clock.Elapsed < within)
            {
                await Task.Delay(250, TestContext.Current.CancellationToken);
            }
        }
    }
}

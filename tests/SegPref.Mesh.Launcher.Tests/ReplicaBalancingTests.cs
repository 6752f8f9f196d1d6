using System.Globalization;
using Grpc.Net.Client;
using SegPref.Contracts.Segmentation.V1;

namespace SegPref.Mesh.Launcher.Tests;

/// <summary>
/// `segpref mesh up --replicas segmentation=2,audio=2` as processes on the committed models: the gateway spreads the
/// Pipeline calls over the two segmentation replicas, and each Pipeline spreads its audio-encoder calls over the two
/// audio replicas (grpc-dotnet round_robin over an ipv4: address list). Counted from each replica's own /metrics.
/// </summary>
public sealed class ReplicaBalancingTests
{
    private const int Calls = 60;
    private const int Concurrency = 4;

    [Fact]
    public async Task LocalMesh_TwoSegmentationAndTwoAudioReplicas_EachReplicaServes40To60Percent()
    {
        var log = new List<string>();
        var options = new MeshLaunchOptions
        {
            ModelRepository = RepositoryRoot.Models,
            GatewayPort = 0,
            StateFile = Path.Combine(Path.GetTempPath(), $"segpref-replicas-{Guid.NewGuid():N}.json"),
            Models = [ModelSelection.Parse("segmenter=audio-only")],
            Replicas = MeshReplicas.Parse(["segmentation=2,audio=2"]),
        };
        await using var mesh = await LocalMesh.StartAsync(options, line => { lock (log) { log.Add(line); } }, TestContext.Current.CancellationToken);
        var endpoints = mesh.Endpoints.ToDictionary(e => e.Name, e => e.Address);
        Assert.Equal(["captioner", "textcues", "audio-1", "audio-2", "segmentation-1", "segmentation-2", "gateway"], mesh.Endpoints.Select(e => e.Name));
        var before = await CountsAsync(endpoints);

        using var channel = GrpcChannel.ForAddress(mesh.Gateway);
        var client = new Pipeline.PipelineClient(channel);
        var next = 0;
        var workers = Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= Calls)
            {
                var reply = await client.SegmentAsync(TestRequests.OneRedFrame(), deadline: DateTime.UtcNow.AddSeconds(60), cancellationToken: TestContext.Current.CancellationToken);
                Assert.Single(reply.Frames);
            }
        });
        await Task.WhenAll(workers);
        var after = await CountsAsync(endpoints);

        var served = after.ToDictionary(kv => kv.Key, kv => kv.Value - before[kv.Key]);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(", ", served.Select(kv => $"{kv.Key} {kv.Value}")));
        foreach (var service in new[] { "segmentation", "audio" })
        {
            var (first, second) = (served[$"{service}-1"], served[$"{service}-2"]);
            var share = first / (double)(first + second);
            Assert.True(first + second >= Calls, $"{service}: {first} + {second} model requests for {Calls} calls");
            Assert.InRange(share, 0.4, 0.6);
        }
    }

    /// <summary>Successful model requests so far (nv_inference_request_success, all models) of each replica, from its /metrics.</summary>
    private static async Task<Dictionary<string, long>> CountsAsync(Dictionary<string, Uri> endpoints)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var counts = new Dictionary<string, long>();
        foreach (var name in new[] { "audio-1", "audio-2", "segmentation-1", "segmentation-2" })
        {
            var text = await http.GetStringAsync(new Uri(endpoints[name], "/metrics"), TestContext.Current.CancellationToken);
            counts[name] = text.Split('\n')
                .Where(l => l.StartsWith("nv_inference_request_success{", StringComparison.Ordinal) || l.StartsWith("nv_inference_request_success ", StringComparison.Ordinal))
                .Sum(l => (long)double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture));
        }

        return counts;
    }
}

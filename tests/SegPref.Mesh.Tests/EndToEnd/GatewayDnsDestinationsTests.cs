using Google.Protobuf;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using SegPref.Contracts.Audio.V1;
using SegPref.Gateway;
using SegPref.Mesh.Tests.Infrastructure;
using Yarp.ReverseProxy;

namespace SegPref.Mesh.Tests.EndToEnd;

/// <summary>
/// Gateway:DnsRefreshSeconds: a destination's host name becomes one destination per address it resolves to (in
/// Kubernetes, a headless Service's ready pods), and calls go to the resolved addresses.
/// </summary>
[Collection(MeshGroup.Name)]
public sealed class GatewayDnsDestinationsTests(MeshFixture mesh)
{
    [Fact]
    public async Task Encode_DestinationNamedByHostNameWithDnsRefresh_ResolvedToAddressesAndServed()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:Port"] = "0",
            ["Gateway:DnsRefreshSeconds"] = "1",
            ["Telemetry:Exporter"] = "none",
            ["RateLimits:Enabled"] = "false",
            ["ReverseProxy:Clusters:audio:Destinations:d1:Address"] = $"http://localhost:{mesh.Audio.Address.Port}",
        };
        await using var gateway = await ServiceHost.StartAsync(b => b.AddGateway(), a => a.MapGateway(), settings);
        using var channel = GrpcChannel.ForAddress(gateway.Address);
        var client = new SegPref.Contracts.Audio.V1.AudioEncoder.AudioEncoderClient(channel);
        var request = new EncodeRequest { Audio = new SegPref.Contracts.Common.V1.Audio { Wav = ByteString.CopyFrom(TestClip.StereoWav(1.5)) } };

        var reply = await RetryAsync(() => client.EncodeAsync(request, deadline: DateTime.UtcNow.AddSeconds(20), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        Assert.Equal("[1,128]", reply.Embeddings.ShapeText);
        Assert.True(gateway.Services.GetRequiredService<IProxyStateLookup>().TryGetCluster("audio", out var cluster));
        Assert.Contains(cluster.Destinations.Values, d => d.Model.Config.Address.Contains("127.0.0.1", StringComparison.Ordinal));
        Assert.DoesNotContain(cluster.Destinations.Values, d => d.Model.Config.Address.Contains("localhost", StringComparison.Ordinal));
    }

    /// <summary>The first resolution and health probe take a moment after start: UNAVAILABLE is retried for up to 20 s.</summary>
    private static async Task<T> RetryAsync<T>(Func<Task<T>> call)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Grpc.Core.RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.Unavailable && clock.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }
        }
    }
}

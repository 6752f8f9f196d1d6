using System.Net;
using SegPref.Gateway;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace SegPref.Mesh.Tests.EndToEnd;

public sealed class ClusterDefaultsTests
{
    [Fact]
    public async Task ConfigureClusterAsync_BareCluster_GetsTheSharedDefaults()
    {
        var cluster = new ClusterConfig { ClusterId = "audio" };

        var configured = await new ClusterDefaults().ConfigureClusterAsync(cluster, TestContext.Current.CancellationToken);

        Assert.Equal(HttpVersion.Version20, configured.HttpRequest!.Version);
        Assert.Equal(HttpVersionPolicy.RequestVersionExact, configured.HttpRequest.VersionPolicy);
        Assert.True(configured.HttpClient!.EnableMultipleHttp2Connections);
        Assert.Equal("PowerOfTwoChoices", configured.LoadBalancingPolicy);
        Assert.Equal("GrpcHealth", configured.HealthCheck!.AvailableDestinationsPolicy);
        Assert.Null(configured.HealthCheck.Active);
    }

    [Fact]
    public async Task ConfigureClusterAsync_OwnSettings_AreKept()
    {
        var cluster = new ClusterConfig
        {
            ClusterId = "audio",
            LoadBalancingPolicy = "RoundRobin",
            HttpRequest = new ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromSeconds(7) },
            HealthCheck = new HealthCheckConfig { AvailableDestinationsPolicy = "HealthyAndUnknown" },
        };

        var configured = await new ClusterDefaults().ConfigureClusterAsync(cluster, TestContext.Current.CancellationToken);

        Assert.Equal("RoundRobin", configured.LoadBalancingPolicy);
        Assert.Equal(TimeSpan.FromSeconds(7), configured.HttpRequest!.ActivityTimeout);
        Assert.Equal("HealthyAndUnknown", configured.HealthCheck!.AvailableDestinationsPolicy);
    }
}

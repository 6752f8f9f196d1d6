using System.Net;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.LoadBalancing;

namespace SegPref.Gateway;

/// <summary>
/// The settings every backend cluster shares, applied here once instead of repeated per cluster in appsettings.json
/// (a cluster's own setting wins): HTTP/2 with RequestVersionExact (without it YARP downgrades to HTTP/1.1 on
/// http:// and gRPC breaks), a 2-minute activity timeout, several HTTP/2 connections, power-of-two-choices balancing,
/// and active /healthz checks every 5 s that take a destination out after one failure.
/// </summary>
internal sealed class ClusterDefaults : IProxyConfigFilter
{
    public const string FailureThresholdKey = "ConsecutiveFailuresHealthPolicy.Threshold";

    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var metadata = new Dictionary<string, string>(cluster.Metadata ?? new Dictionary<string, string>());
        metadata.TryAdd(FailureThresholdKey, "1");
        return new(cluster with
        {
            HttpRequest = cluster.HttpRequest ?? new ForwarderRequestConfig
            {
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                ActivityTimeout = TimeSpan.FromMinutes(2),
            },
            HttpClient = cluster.HttpClient ?? new HttpClientConfig { EnableMultipleHttp2Connections = true },
            LoadBalancingPolicy = cluster.LoadBalancingPolicy ?? LoadBalancingPolicies.PowerOfTwoChoices,
            HealthCheck = cluster.HealthCheck ?? new HealthCheckConfig
            {
                AvailableDestinationsPolicy = "HealthyAndUnknown",
                Active = new ActiveHealthCheckConfig
                {
                    Enabled = true,
                    Interval = TimeSpan.FromSeconds(5),
                    Timeout = TimeSpan.FromSeconds(2),
                    Policy = "ConsecutiveFailures",
                    Path = "/healthz",
                },
            },
            Metadata = metadata,
        });
    }

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel) => new(route);
}

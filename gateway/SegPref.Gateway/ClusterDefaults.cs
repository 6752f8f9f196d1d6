using System.Net;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.LoadBalancing;

namespace SegPref.Gateway;

/// <summary>
/// The settings every backend cluster shares, applied here once instead of repeated per cluster in appsettings.json
/// (a cluster's own setting wins): HTTP/2 with RequestVersionExact (without it YARP downgrades to HTTP/1.1 on
/// http:// and gRPC breaks), a 2-minute activity timeout, several HTTP/2 connections, power-of-two-choices balancing,
/// and routing only to destinations that <see cref="Health.BackendHealthMonitor"/>'s grpc.health.v1 probes found
/// serving (<see cref="Health.GrpcHealthDestinationsPolicy"/>; YARP's own HTTP probes stay off).
/// </summary>
internal sealed class ClusterDefaults : IProxyConfigFilter
{
    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(cluster);
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
            HealthCheck = cluster.HealthCheck ?? new HealthCheckConfig { AvailableDestinationsPolicy = Health.GrpcHealthDestinationsPolicy.PolicyName },
        });
    }

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel) => new(route);
}

using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace SegPref.Gateway.Health;

/// <summary>
/// Routes only to destinations that <see cref="BackendHealthMonitor"/> has not marked unhealthy (unknown ones, before
/// the first probe, stay in). YARP's own policies read the active state only when YARP's HTTP probes are enabled;
/// ours are gRPC health checks, so this policy reads it unconditionally.
/// </summary>
internal sealed class GrpcHealthDestinationsPolicy : IAvailableDestinationsPolicy
{
    public const string PolicyName = "GrpcHealth";

    public string Name => PolicyName;

    public IReadOnlyList<DestinationState> GetAvailalableDestinations(ClusterConfig config, IReadOnlyList<DestinationState> allDestinations) =>
        [.. allDestinations.Where(d => d.Health.Active != DestinationHealth.Unhealthy)];
}

using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace SegPref.Gateway.Health;

/// <summary>
/// Probes every destination of every cluster with grpc.health.v1 Check for the gRPC service the cluster routes (its
/// "GrpcService" metadata) each Gateway:HealthProbeSeconds. The result feeds YARP's routing (an unhealthy destination
/// leaves the rotation; none left = 503, UNAVAILABLE for gRPC) and the gateway's own grpc.health.v1 and /readyz.
/// </summary>
internal sealed partial class BackendHealthMonitor(
    IProxyStateLookup proxy,
    IDestinationHealthUpdater updater,
    BackendHealth health,
    IOptions<GatewayOptions> options,
    ILogger<BackendHealthMonitor> logger) : BackgroundService
{
    public const string GrpcServiceMetadata = "GrpcService";

    private readonly ConcurrentDictionary<string, GrpcChannel> _channels = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(string Cluster, string Destination), int> _slow = new();

    public override void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }

        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(options.Value.HealthProbeSeconds);
        using var timer = new PeriodicTimer(period);
        try
        {
            do
            {
                await Task.WhenAll(proxy.GetClusters().Select(c => ProbeClusterAsync(c, period, stoppingToken)));
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ProbeClusterAsync(ClusterState cluster, TimeSpan period, CancellationToken ct)
    {
        var service = cluster.Model.Config.Metadata?.GetValueOrDefault(GrpcServiceMetadata) ?? string.Empty;
        var destinations = cluster.Destinations.Values.ToList();
        var probes = await Task.WhenAll(destinations.Select(d => ProbeAsync(d, service, period, ct)));
        if (ct.IsCancellationRequested)
        {
            return;
        }

        // An answer (NOT_SERVING) or a refused connection counts at once; a probe that only ran out of time (a busy
        // backend) counts from the second one in a row, so load alone does not take a destination out.
        var results = probes.Select((p, i) =>
        {
            var key = (cluster.ClusterId, destinations[i].DestinationId);
            var streak = p.Slow ? _slow.AddOrUpdate(key, 1, (_, n) => n + 1) : _slow[key] = 0;
            return p.Slow && streak < 2 ? null : p.Problem;
        }).ToArray();

        health.Forget(cluster.ClusterId, destinations.Select(d => d.DestinationId));
        for (var i = 0; i < destinations.Count; i++)
        {
            var was = destinations[i].Health.Active;
            health.Record(cluster.ClusterId, destinations[i].DestinationId, results[i]);
            var now = results[i] is null ? DestinationHealth.Healthy : DestinationHealth.Unhealthy;
            if (was != now && results[i] is { } problem)
            {
                LogDown(logger, cluster.ClusterId, destinations[i].DestinationId, problem);
            }
            else if (was == DestinationHealth.Unhealthy && now == DestinationHealth.Healthy)
            {
                LogUp(logger, cluster.ClusterId, destinations[i].DestinationId);
            }
        }

        updater.SetActive(cluster, destinations.Select((d, i) =>
            new NewActiveDestinationHealth(d, results[i] is null ? DestinationHealth.Healthy : DestinationHealth.Unhealthy)));
    }

    private async Task<(string? Problem, bool Slow)> ProbeAsync(DestinationState destination, string service, TimeSpan period, CancellationToken ct)
    {
        var address = destination.Model.Config.Address;
        var channel = _channels.GetOrAdd(address, a => GrpcChannel.ForAddress(a, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { ConnectTimeout = period, EnableMultipleHttp2Connections = true },
        }));
        try
        {
            var reply = await new Grpc.Health.V1.Health.HealthClient(channel).CheckAsync(
                new HealthCheckRequest { Service = service }, deadline: DateTime.UtcNow.Add(period * 2), cancellationToken: ct);
            return (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving ? null : $"{service} reports {reply.Status}", false);
        }
        catch (RpcException ex)
        {
            return ($"{ex.StatusCode}: {ex.Status.Detail}", ex.StatusCode == StatusCode.DeadlineExceeded);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return ("gateway stopping", false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backend {Cluster}/{Destination} is down: {Problem}")]
    private static partial void LogDown(ILogger logger, string cluster, string destination, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backend {Cluster}/{Destination} is serving again")]
    private static partial void LogUp(ILogger logger, string cluster, string destination);
}

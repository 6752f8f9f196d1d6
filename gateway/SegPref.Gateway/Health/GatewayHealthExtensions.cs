using Grpc.Reflection;
using SegPref.ServiceDefaults.Health;
using Yarp.ReverseProxy.Health;

namespace SegPref.Gateway.Health;

/// <summary>
/// The gateway's own health: grpc.health.v1 answers "" (every cluster has a serving destination), each routed gRPC
/// service by name (its cluster), and "liveness"; /healthz is liveness, /readyz the aggregate. Reflection at the
/// gateway describes every routed service.
/// </summary>
internal static class GatewayHealthExtensions
{
    public static IServiceCollection AddGatewayHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<BackendHealth>();
        services.AddSingleton<IAvailableDestinationsPolicy, GrpcHealthDestinationsPolicy>();
        services.AddHostedService<BackendHealthMonitor>();
        var checks = services.AddMeshHealth();
        foreach (var cluster in configuration.GetSection("ReverseProxy:Clusters").GetChildren())
        {
            var grpcService = cluster[$"Metadata:{BackendHealthMonitor.GrpcServiceMetadata}"];
            if (string.IsNullOrWhiteSpace(grpcService))
            {
                continue;
            }

            var id = cluster.Key;
            services.AddServedGrpcService(grpcService);
            checks.Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
                "backend-" + id,
                sp => new BackendHealthCheck(sp.GetRequiredService<BackendHealth>(), id, grpcService),
                failureStatus: null,
                tags: [HealthNames.Ready, grpcService]));
        }

        // Reflection here describes what the gateway routes, not just what it implements itself.
        Google.Protobuf.Reflection.ServiceDescriptor[] described =
        [
            Contracts.Captioner.V1.Captioner.Descriptor,
            Contracts.TextCues.V1.TextCues.Descriptor,
            Contracts.Audio.V1.AudioEncoder.Descriptor,
            Contracts.Segmentation.V1.Segmenter.Descriptor,
            Contracts.Segmentation.V1.Pipeline.Descriptor,
            Grpc.Health.V1.Health.Descriptor,
        ];
        services.AddSingleton(new ReflectionServiceImpl(described));
        services.AddSingleton(new ReflectionV1ServiceImpl(described));
        services.AddGrpcReflection();
        return services;
    }
}

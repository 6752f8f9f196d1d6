using Grpc.AspNetCore.HealthChecks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SegPref.ServiceDefaults.Health;

/// <summary>
/// Liveness and readiness for every mesh process. grpc.health.v1 answers "" (readiness: every check tagged
/// <see cref="HealthNames.Ready"/>), "liveness", and each served gRPC service by its full name (the model checks plus
/// the checks tagged with that name, i.e. its dependencies); HTTP answers /healthz (liveness) and /readyz (readiness,
/// with a JSON body naming every check).
/// </summary>
public static class HealthExtensions
{
    /// <summary>Registers the health service, the always-healthy liveness check and the name mappings.</summary>
    public static IHealthChecksBuilder AddMeshHealth(this IServiceCollection services)
    {
        var checks = services.AddGrpcHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy("answering"), tags: [HealthNames.Live]);
        services.AddOptions<GrpcHealthChecksOptions>().Configure<IEnumerable<ServedGrpcService>>((o, served) =>
        {
            o.Services.Map(string.Empty, c => c.Tags.Contains(HealthNames.Ready));
            o.Services.Map(HealthNames.LivenessService, c => c.Tags.Contains(HealthNames.Live));
            foreach (var service in served)
            {
                o.Services.Map(service.Name, c => c.Tags.Contains(HealthNames.Models) || c.Tags.Contains(service.Name));
            }
        });
        return checks;
    }

    /// <summary>Declares a gRPC service answered by name on grpc.health.v1.</summary>
    public static IServiceCollection AddServedGrpcService(this IServiceCollection services, string fullName)
    {
        ArgumentException.ThrowIfNullOrEmpty(fullName);
        return services.AddSingleton(new ServedGrpcService(fullName));
    }

    /// <summary>Maps grpc.health.v1, /healthz and /readyz; both HTTP paths stay anonymous when authentication is on.</summary>
    public static WebApplication MapMeshHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapHealthChecks(HealthNames.LivenessPath, new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains(HealthNames.Live),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous();
        app.MapHealthChecks(HealthNames.ReadinessPath, new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains(HealthNames.Ready),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous();
        return app;
    }
}

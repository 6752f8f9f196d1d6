using System.Net;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SegPref.ServiceDefaults.Errors;
using SegPref.ServiceDefaults.Health;
using SegPref.ServiceDefaults.Models;
using SegPref.ServiceDefaults.Telemetry;

namespace SegPref.ServiceDefaults.Hosting;

/// <summary>The one call every mesh service makes: Kestrel h2c with limits, gRPC, health, reflection, telemetry.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Configures the host of one gRPC service.</summary>
    /// <param name="builder">The web application builder.</param>
    /// <param name="serviceName">Telemetry service name, e.g. "segpref-captioner".</param>
    /// <param name="defaultPort">Port used when configuration sets none (Service:Port).</param>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName, int defaultPort)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ServiceHostOptions>()
            .Configure(o => o.Port = defaultPort)
            .Bind(builder.Configuration.GetSection(ServiceHostOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var host = new ServiceHostOptions { Port = defaultPort };
        builder.Configuration.GetSection(ServiceHostOptions.SectionName).Bind(host);

        builder.WebHost.ConfigureKestrel(kestrel => ConfigureKestrel(kestrel, host));
        builder.Services.TryAddSingleton<ModelFactories>();
        builder.Services.TryAddSingleton<ModelReadiness>();
        builder.Services.AddOptions<ExceptionStatusOptions>();
        builder.Services.AddSingleton<ErrorMappingInterceptor>();
        builder.Services.AddSingleton<GrpcServerMetricsInterceptor>();
        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = host.MaxMessageBytes;
            o.MaxSendMessageSize = host.MaxMessageBytes;
            o.EnableDetailedErrors = false;

            // Metrics outermost, so they record the status the error mapping settles on.
            o.Interceptors.Add<GrpcServerMetricsInterceptor>();
            o.Interceptors.Add<ErrorMappingInterceptor>();

            // Only gzip, and capped: grpc-dotnet would decompress without a bound (ResponseCompression stays off).
            o.CompressionProviders = [new BoundedGzipCompressionProvider(host.MaxMessageBytes)];
        }).AddJsonTranscoding();
        builder.Services.AddMeshHealth().AddCheck<ModelReadinessHealthCheck>("models", tags: [HealthNames.Ready, HealthNames.Models]);
        if (host.EnableReflection)
        {
            builder.Services.AddGrpcReflection();
        }

        builder.AddMeshTelemetry(serviceName);
        builder.Services.AddParentProcessWatcher();
        return builder;
    }

    /// <summary>Stops the host when the launcher named by Mesh:ParentPid exits (no-op when it is not set).</summary>
    public static IServiceCollection AddParentProcessWatcher(this IServiceCollection services)
    {
        services.AddHostedService<ParentProcessWatcher>();
        return services;
    }

    /// <summary>Answers <typeparamref name="TException"/> escaping a handler with <paramref name="code"/> and its message.</summary>
    public static IServiceCollection AddExceptionStatus<TException>(this IServiceCollection services, StatusCode code)
        where TException : Exception
    {
        services.Configure<ExceptionStatusOptions>(o => o.Codes[typeof(TException)] = code);
        return services;
    }

    /// <summary>Maps grpc.health.v1, HTTP /healthz (liveness) and /readyz (readiness), /metrics (Prometheus) and reflection.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapMeshHealth();
        app.MapMetrics();
        if (app.Services.GetRequiredService<IOptions<ServiceHostOptions>>().Value.EnableReflection)
        {
            app.MapGrpcReflectionService();
        }

        return app;
    }

    private static void ConfigureKestrel(KestrelServerOptions kestrel, ServiceHostOptions host)
    {
        var address = host.ListenOnAllInterfaces ? IPAddress.Any : IPAddress.Loopback;

        // One cleartext port for gRPC over h2c (prior knowledge: the gateway's RequestVersionExact, any Grpc.Net.Client
        // with an http:// address) and HTTP/1.1 (Prometheus scrapes /metrics, probes /healthz): the connection preface
        // picks HTTP/2 (H2cPriorKnowledge).
        kestrel.Listen(address, host.Port, o =>
        {
            o.Protocols = HttpProtocols.Http1AndHttp2;
            o.UseH2cPriorKnowledge();
        });
        kestrel.AllowAlternateSchemes = true;

        // Frames and tensors are megabytes: raise the HTTP/2 windows from 96/128 KB, and let Kestrel's body limit
        // (30 MB by default, not lifted for unary gRPC calls) follow the gRPC message limit.
        kestrel.Limits.Http2.InitialConnectionWindowSize = 8 * 1024 * 1024;
        kestrel.Limits.Http2.InitialStreamWindowSize = 4 * 1024 * 1024;
        kestrel.Limits.MaxRequestBodySize = host.MaxMessageBytes + (64L * 1024);
    }
}

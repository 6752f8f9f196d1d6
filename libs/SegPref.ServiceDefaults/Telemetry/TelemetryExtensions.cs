using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SegPref.ServiceDefaults.Telemetry;

/// <summary>
/// OpenTelemetry for every mesh process: server, HTTP and gRPC client spans, our own SegPref.* sources and meters, and
/// Prometheus text on /metrics (<see cref="MapMetrics"/>): counters keep their names (no _total suffix) so that
/// Triton's nv_inference_* metrics read as Triton's.
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>The prefix of every ActivitySource and Meter of this project ("SegPref.Captioner", ...).</summary>
    public const string SourcePrefix = "SegPref.";

    /// <summary>Where Prometheus scrapes (HTTP/1.1 or HTTP/2 on the process's one port).</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>Adds tracing and metrics; W3C traceparent flows in through ASP.NET Core and out through HttpClient/gRPC.</summary>
    /// <param name="builder">The host.</param>
    /// <param name="serviceName">OpenTelemetry service.name.</param>
    /// <param name="extraSources">More ActivitySource names to listen to (e.g. "Yarp.ReverseProxy").</param>
    /// <exception cref="ArgumentException">An unknown exporter name.</exception>
    public static IHostApplicationBuilder AddMeshTelemetry(this IHostApplicationBuilder builder, string serviceName, params string[] extraSources)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var exporter = options.Exporter.Trim().ToLowerInvariant();
        if (exporter is not ("none" or "console" or "otlp"))
        {
            throw new ArgumentException($"Telemetry:Exporter must be 'none', 'console' or 'otlp', got '{options.Exporter}'.", nameof(builder));
        }

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation()
                    .AddGrpcClientInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddSource(SourcePrefix + "*")
                    .AddSource(extraSources);
                if (exporter == "console")
                {
                    t.AddConsoleExporter();
                }
            })
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddMeter(SourcePrefix + "*")
                    .AddMeter("Microsoft.AspNetCore.Server.Kestrel")
                    .AddPrometheusExporter(o =>
                    {
                        o.DisableTotalNameSuffixForCounters = true;

                        // Every scrape sees the counters as they are (the default caches a scrape for 300 ms).
                        o.ScrapeResponseCacheDurationMilliseconds = 0;
                    });
                if (exporter == "console")
                {
                    m.AddConsoleExporter();
                }
            });
        if (exporter == "otlp")
        {
            // Without an explicit endpoint the exporter reads OTEL_EXPORTER_OTLP_ENDPOINT (the usual k8s wiring).
            if (options.OtlpEndpoint is null)
            {
                otel.UseOtlpExporter();
            }
            else
            {
                otel.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, options.OtlpEndpoint);
            }
        }

        return builder;
    }

    /// <summary>Serves the Prometheus scrape endpoint at /metrics.</summary>
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder endpoints)
    {
        // Open like health: the gateway's fallback policy asks every other route for a client.
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
        return endpoints;
    }
}

using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using SegPref.ServiceDefaults.Hosting;
using SegPref.ServiceDefaults.Telemetry;

namespace SegPref.Gateway;

/// <summary>Hosting of the YARP gateway (used by Program.cs and by in-process tests).</summary>
public static class GatewayExtensions
{
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<GatewayOptions>()
            .Bind(builder.Configuration.GetSection(GatewayOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>() ?? new GatewayOptions();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Http1AndHttp2 on cleartext: HTTP/1.1 for REST, and HTTP/2 for clients that speak it with prior
            // knowledge (Grpc.Net.Client with an http:// address does).
            var address = options.ListenOnAllInterfaces ? IPAddress.Any : IPAddress.Loopback;
            kestrel.Listen(address, options.Port, o =>
            {
                o.Protocols = HttpProtocols.Http1AndHttp2;
                o.UseH2cPriorKnowledge();
            });
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes;

            // Prior-knowledge connections carry a stand-in TLS feature (see H2cPriorKnowledge), so Kestrel's transport
            // scheme reads "https" while clients rightly send :scheme http.
            kestrel.AllowAlternateSchemes = true;
            kestrel.Limits.Http2.InitialConnectionWindowSize = 8 * 1024 * 1024;
            kestrel.Limits.Http2.InitialStreamWindowSize = 4 * 1024 * 1024;
        });
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy")).AddConfigFilter<ClusterDefaults>();
        builder.Services.AddHealthChecks();
        builder.AddMeshTelemetry("segpref-gateway", "Yarp.ReverseProxy");
        builder.Services.AddParentProcessWatcher();
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/healthz");
        app.MapMetrics();
        app.MapReverseProxy();
        return app;
    }
}

using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using SegPref.Gateway.Health;
using SegPref.Gateway.Security;
using SegPref.ServiceDefaults.Health;
using SegPref.ServiceDefaults.Hosting;
using SegPref.ServiceDefaults.Telemetry;

namespace SegPref.Gateway;

/// <summary>Hosting of the YARP gateway (used by Program.cs and by in-process tests).</summary>
public static partial class GatewayExtensions
{
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<GatewayOptions>()
            .Bind(builder.Configuration.GetSection(GatewayOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<GatewayAuthOptions>().Bind(builder.Configuration.GetSection(GatewayAuthOptions.SectionName));
        builder.Services.AddOptions<RateLimitOptions>()
            .Bind(builder.Configuration.GetSection(RateLimitOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>() ?? new GatewayOptions();
        var auth = builder.Configuration.GetSection(GatewayAuthOptions.SectionName).Get<GatewayAuthOptions>() ?? new GatewayAuthOptions();
        var limits = builder.Configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.WebHost.ConfigureKestrel(kestrel => ConfigureKestrel(kestrel, options, auth));
        var proxy = builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy")).AddConfigFilter<ClusterDefaults>();
        if (options.DnsRefreshSeconds > 0)
        {
            // One destination per address a destination's host name resolves to, refreshed periodically (headless
            // Services in Kubernetes: one destination per ready pod).
            proxy.AddDnsDestinationResolver(o => o.RefreshPeriod = TimeSpan.FromSeconds(options.DnsRefreshSeconds));
        }

        builder.Services.AddGrpc();
        builder.Services.AddGatewayHealth(builder.Configuration);
        builder.AddGatewaySecurity(auth, limits);
        builder.AddMeshTelemetry("segpref-gateway", "Yarp.ReverseProxy");
        builder.Services.AddParentProcessWatcher();
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>() ?? new GatewayOptions();
        var auth = app.Configuration.GetSection(GatewayAuthOptions.SectionName).Get<GatewayAuthOptions>() ?? new GatewayAuthOptions();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SegPref.Gateway");
        if (!auth.Required && !auth.AllowAnonymous)
        {
            LogOpenOnLoopback(logger, options.ListenOnAllInterfaces ? " (Gateway:ListenOnAllInterfaces ignored)" : string.Empty);
        }

        // The page's static files come before authentication: a person needs the page to type in an API key.
        if (options.ServePage)
        {
            app.UseGatewayPage(options, logger);
        }

        app.UseRouting();
        app.UseGatewaySecurity();
        app.MapMeshHealth();
        app.MapMetrics();
        app.MapGrpcReflectionService();

        // The REST routes take POST (and GET /v1/models, a more specific route that wins over this one); other methods
        // are answered here rather than 404 upstream.
        app.MapMethods("/v1/{**rest}", ["GET", "PUT", "DELETE", "PATCH"], context =>
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "POST";
            return Task.CompletedTask;
        });
        app.MapReverseProxy();
        return app;
    }

    private static void ConfigureKestrel(KestrelServerOptions kestrel, GatewayOptions options, GatewayAuthOptions auth)
    {
        // An open gateway (no keys, no JWT) never listens beyond loopback, whatever ListenOnAllInterfaces says.
        var open = !auth.Required && !auth.AllowAnonymous;
        var address = options.ListenOnAllInterfaces && !open ? IPAddress.Any : IPAddress.Loopback;
        var certificate = LoadCertificate(options);
        kestrel.Listen(address, options.Port, o =>
        {
            o.Protocols = HttpProtocols.Http1AndHttp2;
            if (certificate is not null)
            {
                // TLS: ALPN chooses h2 or http/1.1, no prior-knowledge peek needed.
                o.UseHttps(certificate);
            }
            else
            {
                // Cleartext: HTTP/1.1 for REST, and HTTP/2 for clients that speak it with prior knowledge
                // (Grpc.Net.Client with an http:// address does).
                o.UseH2cPriorKnowledge();
            }
        });
        kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes;

        // Prior-knowledge connections carry a stand-in TLS feature (see H2cPriorKnowledge), so Kestrel's transport
        // scheme reads "https" while clients rightly send :scheme http.
        kestrel.AllowAlternateSchemes = true;
        kestrel.Limits.Http2.InitialConnectionWindowSize = 8 * 1024 * 1024;
        kestrel.Limits.Http2.InitialStreamWindowSize = 4 * 1024 * 1024;
    }

    private static X509Certificate2? LoadCertificate(GatewayOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(options.CertificateKeyPath)
            ? X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword)
            : X509Certificate2.CreateFromPemFile(options.CertificatePath, options.CertificateKeyPath);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No API keys or JWT configured (Auth:*): the gateway listens on loopback only and accepts every local caller{Note}")]
    private static partial void LogOpenOnLoopback(ILogger logger, string note);
}

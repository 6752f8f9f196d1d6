using SegPref.Captioner.Service.Grpc;
using SegPref.ServiceDefaults.Health;
using SegPref.ServiceDefaults.Hosting;

namespace SegPref.Captioner.Service;

/// <summary>Hosting of the captioner service (used by Program.cs and by in-process tests).</summary>
public static class CaptionerServiceExtensions
{
    /// <summary>Default gRPC port.</summary>
    public const int DefaultPort = Contracts.Mesh.MeshPorts.Captioner;

    public static WebApplicationBuilder AddCaptionerService(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddServiceDefaults("segpref-captioner", DefaultPort);
        builder.Services.AddServedGrpcService(Contracts.Captioner.V1.Captioner.Descriptor.FullName);
        builder.Services.AddOptions<CaptionerOptions>()
            .Bind(builder.Configuration.GetSection(CaptionerOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddCaptionerModel(builder.Configuration);
        builder.Services.AddSingleton<CaptionCache>();
        builder.Services.AddSingleton<CaptionHandler>();
        return builder;
    }

    public static WebApplication MapCaptionerService(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapDefaultEndpoints();
        app.MapGrpcService<CaptionerGrpcService>();
        return app;
    }
}

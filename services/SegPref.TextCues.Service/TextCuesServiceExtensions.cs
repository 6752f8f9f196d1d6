using SegPref.ServiceDefaults.Health;
using SegPref.ServiceDefaults.Hosting;
using SegPref.TextCues.Service.Grpc;

namespace SegPref.TextCues.Service;

/// <summary>Hosting of the text-cue service (used by Program.cs and by in-process tests).</summary>
public static class TextCuesServiceExtensions
{
    /// <summary>Default gRPC port.</summary>
    public const int DefaultPort = Contracts.Mesh.MeshPorts.TextCues;

    public static WebApplicationBuilder AddTextCuesService(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddServiceDefaults("segpref-textcues", DefaultPort);
        builder.Services.AddServedGrpcService(Contracts.TextCues.V1.TextCues.Descriptor.FullName);
        builder.Services.AddOptions<TextCuesServiceOptions>()
            .Bind(builder.Configuration.GetSection(TextCuesServiceOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHttpClient(ModelRegistration.OpenAiClientName);
        builder.Services.AddTextCueModels(builder.Configuration);
        builder.Services.AddSingleton<ExtractHandler>();
        return builder;
    }

    public static WebApplication MapTextCuesService(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapDefaultEndpoints();
        app.MapGrpcService<TextCuesGrpcService>();
        return app;
    }
}

using SegPref.AudioEncoder.Service.Grpc;
using SegPref.ServiceDefaults.Health;
using SegPref.ServiceDefaults.Hosting;

namespace SegPref.AudioEncoder.Service;

/// <summary>Hosting of the audio-encoder service (used by Program.cs and by in-process tests).</summary>
public static class AudioEncoderServiceExtensions
{
    /// <summary>Default gRPC port.</summary>
    public const int DefaultPort = Contracts.Mesh.MeshPorts.AudioEncoder;

    public static WebApplicationBuilder AddAudioEncoderService(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddServiceDefaults("segpref-audio", DefaultPort);
        builder.Services.AddServedGrpcService(Contracts.Audio.V1.AudioEncoder.Descriptor.FullName);
        builder.Services.AddAudioEncoderModel(builder.Configuration);
        builder.Services.AddSingleton<EncodeHandler>();
        return builder;
    }

    public static WebApplication MapAudioEncoderService(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapDefaultEndpoints();
        app.MapGrpcService<AudioEncoderGrpcService>();
        return app;
    }
}

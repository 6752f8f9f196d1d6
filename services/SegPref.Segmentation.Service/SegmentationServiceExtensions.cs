using SegPref.Segmentation.Service.Grpc;
using SegPref.Segmentation.Service.Pipeline;
using SegPref.Segmentation.Service.Segmenting;
using SegPref.ServiceDefaults.Health;
using SegPref.ServiceDefaults.Hosting;

namespace SegPref.Segmentation.Service;

/// <summary>Hosting of the segmentation service: the Segmenter and the Pipeline that orchestrates the other three.</summary>
public static class SegmentationServiceExtensions
{
    /// <summary>Default gRPC port.</summary>
    public const int DefaultPort = Contracts.Mesh.MeshPorts.Segmentation;

    public static WebApplicationBuilder AddSegmentationService(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddServiceDefaults("segpref-segmentation", DefaultPort);
        builder.Services.AddServedGrpcService(Contracts.Segmentation.V1.Segmenter.Descriptor.FullName);
        builder.Services.AddServedGrpcService(Contracts.Segmentation.V1.Pipeline.Descriptor.FullName);
        builder.Services.AddSegmenterModel(builder.Configuration);
        builder.Services.AddSingleton<SegmentationEngine>();
        builder.Services.AddSingleton<SegmentHandler>();
        builder.Services.AddPipeline(builder.Configuration);
        return builder;
    }

    public static WebApplication MapSegmentationService(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapDefaultEndpoints();
        app.MapGrpcService<SegmenterGrpcService>();
        app.MapGrpcService<PipelineGrpcService>();
        return app;
    }
}

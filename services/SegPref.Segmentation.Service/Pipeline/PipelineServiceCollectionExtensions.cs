using Microsoft.Extensions.Options;
using SegPref.ServiceDefaults.Hosting;

namespace SegPref.Segmentation.Service.Pipeline;

/// <summary>Registers the pipeline and its gRPC clients.</summary>
public static class PipelineServiceCollectionExtensions
{
    public static IServiceCollection AddPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PipelineOptions>()
            .Bind(configuration.GetSection(PipelineOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        AddStageClient<Contracts.Captioner.V1.Captioner.CaptionerClient>(services, o => o.CaptionerUrl);
        AddStageClient<Contracts.TextCues.V1.TextCues.TextCuesClient>(services, o => o.TextCuesUrl);
        AddStageClient<Contracts.Audio.V1.AudioEncoder.AudioEncoderClient>(services, o => o.AudioEncoderUrl);
        services.AddSingleton<IPipelineStages, GrpcPipelineStages>();
        services.AddSingleton<SilenceEmbeddings>();
        services.AddSingleton<PipelineRunner>();
        return services;
    }

    // No generic resilience handler: its timeouts break long calls; deadlines bound every call instead, and a
    // failed call is reported, not retried (retries would buffer megabyte bodies).
    private static void AddStageClient<TClient>(IServiceCollection services, Func<PipelineOptions, Uri> address)
        where TClient : class
    {
        services.AddGrpcClient<TClient>((sp, o) => o.Address = address(sp.GetRequiredService<IOptions<PipelineOptions>>().Value))
            .ConfigureChannel((sp, channel) =>
            {
                var limit = sp.GetRequiredService<IOptions<ServiceHostOptions>>().Value.MaxMessageBytes;
                channel.MaxReceiveMessageSize = limit;
                channel.MaxSendMessageSize = limit;
            })
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                ConnectTimeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<PipelineOptions>>().Value.ConnectTimeoutSeconds),
                EnableMultipleHttp2Connections = true,
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            });
    }
}

using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SegPref.ServiceDefaults.Health;
using SegPref.ServiceDefaults.Hosting;

namespace SegPref.Segmentation.Service.Pipeline;

/// <summary>Registers the pipeline, its gRPC stage clients (retries, circuits) and its readiness.</summary>
public static class PipelineServiceCollectionExtensions
{
    public static IServiceCollection AddPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PipelineOptions>()
            .Bind(configuration.GetSection(PipelineOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<StageResilienceOptions>()
            .Bind(configuration.GetSection(StageResilienceOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        // Name resolution for balanced stage addresses (dns:/// re-resolved periodically, ipv4: fixed lists); the
        // stage channels find these through the client factory's service provider.
        services.AddSingleton<ResolverFactory>(sp => new DnsResolverFactory(TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<PipelineOptions>>().Value.DnsRefreshSeconds)));
        services.AddSingleton<ResolverFactory, AddressListResolverFactory>();
        services.AddSingleton<StageHealth>();
        AddStageClient<Contracts.Captioner.V1.Captioner.CaptionerClient>(services, PipelineStageNames.Captioner, o => o.CaptionerUrl);
        AddStageClient<Contracts.TextCues.V1.TextCues.TextCuesClient>(services, PipelineStageNames.TextCues, o => o.TextCuesUrl);
        AddStageClient<Contracts.Audio.V1.AudioEncoder.AudioEncoderClient>(services, PipelineStageNames.AudioEncoder, o => o.AudioEncoderUrl);
        services.AddHostedService<StageHealthProber>();
        services.AddHealthChecks().AddCheck<PipelineStagesHealthCheck>(
            "pipeline-stages", tags: [HealthNames.Ready, Contracts.Segmentation.V1.Pipeline.Descriptor.FullName]);
        services.AddSingleton<IPipelineStages, GrpcPipelineStages>();
        services.AddSingleton<SilenceEmbeddings>();
        services.AddSingleton<PipelineRunner>();
        services.AddSingleton<PipelineDescriber>();
        return services;
    }

    // No generic HTTP resilience handler: its timeouts break long calls. Deadlines bound every call; the channel's
    // retry policy retries UNAVAILABLE within that deadline, limited by the retry budget (gRPC retry throttling) and
    // by the per-call buffer (a larger request is sent once). With a dns:/// or ipv4: address the channel balances
    // round-robin over every address, per call, so calls spread over the replicas and a retry can reach another one.
    private static void AddStageClient<TClient>(IServiceCollection services, string stage, Func<PipelineOptions, Uri> address)
        where TClient : class
    {
        foreach (var client in new[] { (Name: stage, Retry: true), (Name: StageHealthProber.ClientName(stage), Retry: false) })
        {
            var builder = client.Name == stage
                ? services.AddGrpcClient<TClient>(client.Name, (sp, o) => o.Address = address(sp.GetRequiredService<IOptions<PipelineOptions>>().Value))
                : services.AddGrpcClient<Health.HealthClient>(client.Name, (sp, o) => o.Address = address(sp.GetRequiredService<IOptions<PipelineOptions>>().Value));
            builder.ConfigureChannel((sp, channel) => ConfigureChannel(sp, channel, address, client.Retry))
                .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
                {
                    ConnectTimeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<PipelineOptions>>().Value.ConnectTimeoutSeconds),
                    EnableMultipleHttp2Connections = true,
                    PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
                });
        }
    }

    private static void ConfigureChannel(IServiceProvider sp, GrpcChannelOptions channel, Func<PipelineOptions, Uri> address, bool retry)
    {
        var limit = sp.GetRequiredService<IOptions<ServiceHostOptions>>().Value.MaxMessageBytes;
        var resilience = sp.GetRequiredService<IOptions<StageResilienceOptions>>().Value;
        channel.MaxReceiveMessageSize = limit;
        channel.MaxSendMessageSize = limit;
        var config = new ServiceConfig();
        if (address(sp.GetRequiredService<IOptions<PipelineOptions>>().Value).Scheme is not ("http" or "https"))
        {
            channel.Credentials = ChannelCredentials.Insecure;
            config.LoadBalancingConfigs.Add(new RoundRobinConfig());
        }

        if (retry && resilience.MaxAttempts > 1)
        {
            config.MethodConfigs.Add(new MethodConfig
            {
                Names = { MethodName.Default },
                RetryPolicy = new RetryPolicy
                {
                    MaxAttempts = resilience.MaxAttempts,
                    InitialBackoff = TimeSpan.FromMilliseconds(resilience.InitialBackoffMilliseconds),
                    MaxBackoff = TimeSpan.FromMilliseconds(resilience.MaxBackoffMilliseconds),
                    BackoffMultiplier = 2,
                    RetryableStatusCodes = { StatusCode.Unavailable },
                },
            });
            config.RetryThrottling = new RetryThrottlingPolicy { MaxTokens = resilience.RetryBudgetTokens, TokenRatio = resilience.RetryBudgetTokenRatio };
            channel.MaxRetryBufferPerCallSize = resilience.MaxRetryBufferPerCallBytes;
        }

        channel.ServiceConfig = config;
    }
}

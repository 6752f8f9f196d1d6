using Grpc.Health.V1;
using Grpc.Net.Client;
using SegPref.AudioEncoder.Service;
using SegPref.Captioner.Service;
using SegPref.Gateway;
using SegPref.Inference.Abstractions;
using SegPref.Mesh.Tests.TestModels;
using SegPref.Segmentation.Service;
using SegPref.ServiceDefaults.Models;
using SegPref.TextCues.Service;

namespace SegPref.Mesh.Tests.Infrastructure;

/// <summary>The four services and the gateway on real loopback ports with the Test* models, shared by the E2E tests.</summary>
public sealed class MeshFixture : IAsyncLifetime
{
    private readonly List<ServiceHost> _hosts = [];
    private Dictionary<string, string?> _settings = ServiceSettings();
    private Func<ModelFactories>? _models = () => Models();

    internal ServiceHost Captioner { get; private set; } = null!;

    internal ServiceHost TextCues { get; private set; } = null!;

    internal ServiceHost Audio { get; private set; } = null!;

    internal ServiceHost Segmentation { get; private set; } = null!;

    internal ServiceHost Gateway { get; private set; } = null!;

    internal static ModelFactories Models(TestCaptioner? captioner = null, TestSegmenter? segmenter = null) => new ModelFactories()
        .Set<IImageCaptioner>(_ => captioner ?? new TestCaptioner())
        .Set<ICueEmbedder>(_ => new TestCueEmbedder())
        .Set<IAudioEmbedder>(_ => new TestAudioEmbedder())
        .Set<IMaskSegmenter>(_ => segmenter ?? new TestSegmenter());

    /// <summary>Each test service's Limits:MaxDecodedBytes.</summary>
    internal const long DecodeBudgetBytes = 64L * 1024 * 1024;

    internal static Dictionary<string, string?> ServiceSettings() => new()
    {
        ["Service:Port"] = "0",
        ["Telemetry:Exporter"] = "none",

        // A smaller decode budget than the 256 MB default: four services share the test process.
        ["Limits:MaxDecodedBytes"] = DecodeBudgetBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public ValueTask InitializeAsync() => new(StartAllAsync(ServiceSettings(), () => Models()));

    /// <summary>
    /// Starts the four services with <paramref name="settings"/> (and models from <paramref name="models"/>, or from the
    /// repository in the settings when null), waits until they are SERVING, then starts the gateway in front of them
    /// (with <paramref name="gatewaySettings"/> on top of its own, e.g. API keys).
    /// </summary>
    internal async Task StartAllAsync(Dictionary<string, string?> settings, Func<ModelFactories>? models, IDictionary<string, string?>? gatewaySettings = null)
    {
        (_settings, _models) = (settings, models);
        Captioner = await StartAsync(b => b.AddCaptionerService(), a => a.MapCaptionerService(), settings, models?.Invoke());
        TextCues = await StartAsync(b => b.AddTextCuesService(), a => a.MapTextCuesService(), settings, models?.Invoke());
        Audio = await StartAsync(b => b.AddAudioEncoderService(), a => a.MapAudioEncoderService(), settings, models?.Invoke());
        Segmentation = await StartSegmentationAsync(Captioner.Address, new Dictionary<string, string?>());
        var gateway = new Dictionary<string, string?> { ["Gateway:Port"] = "0", ["Telemetry:Exporter"] = "none", ["RateLimits:Enabled"] = "false" };
        foreach (var (cluster, host) in new[] { ("captioner", Captioner), ("textcues", TextCues), ("audio", Audio), ("segmenter", Segmentation), ("pipeline", Segmentation) })
        {
            gateway[$"ReverseProxy:Clusters:{cluster}:Destinations:d1:Address"] = host.Address.ToString();
            await WaitServingAsync(host.Address);
        }

        foreach (var (key, value) in gatewaySettings ?? new Dictionary<string, string?>())
        {
            gateway[key] = value;
        }

        Gateway = await StartAsync(b => b.AddGateway(), a => a.MapGateway(), gateway);
    }

    /// <summary>A segmentation service wired to this fixture's text and audio stages and to <paramref name="captioner"/>.</summary>
    internal async Task<ServiceHost> StartSegmentationAsync(Uri captioner, IDictionary<string, string?> extra, ModelFactories? models = null)
    {
        var settings = new Dictionary<string, string?>(_settings);
        settings["Pipeline:CaptionerUrl"] = captioner.ToString();
        settings["Pipeline:TextCuesUrl"] = TextCues.Address.ToString();
        settings["Pipeline:AudioEncoderUrl"] = Audio.Address.ToString();
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        var host = await StartAsync(b => b.AddSegmentationService(), a => a.MapSegmentationService(), settings, models ?? _models?.Invoke());

        // The Segmenter's own readiness (its model): the Pipeline's depends on the stages, which some tests stop.
        await WaitServingAsync(host.Address, SegPref.Contracts.Segmentation.V1.Segmenter.Descriptor.FullName);
        return host;
    }

    internal async Task<ServiceHost> StartAsync(
        Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder> add,
        Action<Microsoft.AspNetCore.Builder.WebApplication> map,
        IDictionary<string, string?> settings,
        ModelFactories? models = null)
    {
        var host = await ServiceHost.StartAsync(add, map, settings, models);
        _hosts.Add(host);
        return host;
    }

    internal GrpcChannel GatewayChannel() => GrpcChannel.ForAddress(Gateway.Address, new GrpcChannelOptions { MaxReceiveMessageSize = 64 << 20 });

    internal static async Task<HealthCheckResponse.Types.ServingStatus> WaitServingAsync(Uri address, string service = "")
    {
        using var channel = GrpcChannel.ForAddress(address);
        var client = new Health.HealthClient(channel);
        var status = HealthCheckResponse.Types.ServingStatus.Unknown;
        for (var attempt = 0; attempt < 300 && status != HealthCheckResponse.Types.ServingStatus.Serving; attempt++)
        {
            status = (await client.CheckAsync(new HealthCheckRequest { Service = service })).Status;
            if (status != HealthCheckResponse.Types.ServingStatus.Serving)
            {
                await Task.Delay(100);
            }
        }

        return status;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(_hosts))
        {
            await host.DisposeAsync();
        }
    }
}

using System.Net;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;
using SegPref.AudioEncoder.Service;
using SegPref.Gateway;
using SegPref.Mesh.Tests.Infrastructure;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace SegPref.Mesh.Tests.Reliability;

/// <summary>Health that tells the truth: liveness vs readiness, named services with their dependencies, the gateway's aggregate.</summary>
[Collection(MeshGroup.Name)]
public sealed class HealthTests(MeshFixture mesh)
{
    private const string PipelineService = "segpref.segmentation.v1.Pipeline";
    private const string SegmenterService = "segpref.segmentation.v1.Segmenter";

    [Fact]
    public async Task NamedHealth_EveryServiceOfTheMesh_ServingOnItsProcessAndOnTheGateway()
    {
        var named = new[]
        {
            (mesh.Captioner, "segpref.captioner.v1.Captioner"),
            (mesh.TextCues, "segpref.textcues.v1.TextCues"),
            (mesh.Audio, "segpref.audio.v1.AudioEncoder"),
            (mesh.Segmentation, SegmenterService),
            (mesh.Segmentation, PipelineService),
        };

        foreach (var (host, service) in named)
        {
            Assert.Equal(ServingStatus.Serving, await WaitForAsync(host.Address, service, ServingStatus.Serving));
            Assert.Equal(ServingStatus.Serving, await WaitForAsync(mesh.Gateway.Address, service, ServingStatus.Serving));
        }

        Assert.Equal(ServingStatus.Serving, await WaitForAsync(mesh.Gateway.Address, string.Empty, ServingStatus.Serving));
    }

    [Fact]
    public async Task Pipeline_AudioEncoderDown_PipelineAndReadinessNotServingWhileSegmenterAndLivenessServe()
    {
        var audio = await mesh.StartAsync(b => b.AddAudioEncoderService(), a => a.MapAudioEncoderService(), MeshFixture.ServiceSettings(), MeshFixture.Models());
        var segmentation = await mesh.StartSegmentationAsync(mesh.Captioner.Address, new Dictionary<string, string?> { ["Pipeline:AudioEncoderUrl"] = audio.Address.ToString() });
        Assert.Equal(ServingStatus.Serving, await WaitForAsync(segmentation.Address, PipelineService, ServingStatus.Serving));

        await audio.StopAsync();

        Assert.Equal(ServingStatus.NotServing, await WaitForAsync(segmentation.Address, PipelineService, ServingStatus.NotServing));
        Assert.Equal(ServingStatus.NotServing, await WaitForAsync(segmentation.Address, string.Empty, ServingStatus.NotServing));
        Assert.Equal(ServingStatus.Serving, await WaitForAsync(segmentation.Address, SegmenterService, ServingStatus.Serving));
        Assert.Equal(ServingStatus.Serving, await WaitForAsync(segmentation.Address, "liveness", ServingStatus.Serving));
        using var http = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var ready = await http.GetAsync(new Uri(segmentation.Address, "/readyz"), TestContext.Current.CancellationToken);
        using var live = await http.GetAsync(new Uri(segmentation.Address, "/healthz"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("audio-encoder", await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Gateway_BackendDown_GatewayHealthNamesItAndReadyzFailsWhileHealthzPasses()
    {
        var audio = await mesh.StartAsync(b => b.AddAudioEncoderService(), a => a.MapAudioEncoderService(), MeshFixture.ServiceSettings(), MeshFixture.Models());
        var gateway = await StartGatewayAsync(audio.Address);
        Assert.Equal(ServingStatus.Serving, await WaitForAsync(gateway.Address, "segpref.audio.v1.AudioEncoder", ServingStatus.Serving));

        await audio.StopAsync();

        Assert.Equal(ServingStatus.NotServing, await WaitForAsync(gateway.Address, "segpref.audio.v1.AudioEncoder", ServingStatus.NotServing));
        Assert.Equal(ServingStatus.NotServing, await WaitForAsync(gateway.Address, string.Empty, ServingStatus.NotServing));
        Assert.Equal(ServingStatus.Serving, await WaitForAsync(gateway.Address, "segpref.captioner.v1.Captioner", ServingStatus.Serving));
        using var http = new HttpClient();
        using var ready = await http.GetAsync(new Uri(gateway.Address, "/readyz"), TestContext.Current.CancellationToken);
        using var live = await http.GetAsync(new Uri(gateway.Address, "/healthz"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Gateway_Reflection_ListsEveryRoutedService()
    {
        using var channel = mesh.GatewayChannel();
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo(cancellationToken: TestContext.Current.CancellationToken);

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty }, TestContext.Current.CancellationToken);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(TestContext.Current.CancellationToken));
        var names = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();

        Assert.Contains(PipelineService, names);
        Assert.Contains("segpref.audio.v1.AudioEncoder", names);
        Assert.Contains("grpc.health.v1.Health", names);
    }

    [Fact]
    public async Task Health_UnknownServiceName_NotFound()
    {
        using var channel = GrpcChannel.ForAddress(mesh.Segmentation.Address);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await new Health.HealthClient(channel)
            .CheckAsync(new HealthCheckRequest { Service = "segpref.nothing.v1.Nothing" }, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    internal static async Task<ServingStatus> WaitForAsync(Uri address, string service, ServingStatus wanted)
    {
        using var channel = GrpcChannel.ForAddress(address);
        var client = new Health.HealthClient(channel);
        var status = ServingStatus.Unknown;
        for (var attempt = 0; attempt < 150; attempt++)
        {
            status = (await client.CheckAsync(new HealthCheckRequest { Service = service }, cancellationToken: TestContext.Current.CancellationToken)).Status;
            if (status == wanted)
            {
                break;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return status;
    }

    private async Task<ServiceHost> StartGatewayAsync(Uri audio)
    {
        var settings = new Dictionary<string, string?> { ["Gateway:Port"] = "0", ["Telemetry:Exporter"] = "none" };
        foreach (var (cluster, address) in new[] { ("captioner", mesh.Captioner.Address), ("textcues", mesh.TextCues.Address), ("audio", audio), ("segmenter", mesh.Segmentation.Address), ("pipeline", mesh.Segmentation.Address) })
        {
            settings[$"ReverseProxy:Clusters:{cluster}:Destinations:d1:Address"] = address.ToString();
        }

        return await mesh.StartAsync(b => b.AddGateway(), a => a.MapGateway(), settings);
    }
}

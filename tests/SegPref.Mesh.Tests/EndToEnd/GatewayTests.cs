using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using SegPref.Contracts.Captioner.V1;
using SegPref.Contracts.Common.V1;
using SegPref.Captioner.Service;
using SegPref.Gateway;
using SegPref.Media.Imaging;
using SegPref.Mesh.Tests.Infrastructure;

namespace SegPref.Mesh.Tests.EndToEnd;

[Collection(MeshGroup.Name)]
public sealed class GatewayTests(MeshFixture mesh)
{
    [Fact]
    public async Task Caption_ImageLargerThanGrpcDefaultLimit_PassesGatewayAndService()
    {
        // Noise does not compress: about 5 MB of PNG, over gRPC's 4 MB default message limit.
        var image = new RgbImage(1300, 1300);
        new Random(7).NextBytes(image.Pixels);
        var request = new CaptionRequest();
        request.Images.Add(new Image { Data = ByteString.CopyFrom(ImageCodec.EncodePng(image)) });
        using var channel = mesh.GatewayChannel();

        var reply = await new SegPref.Contracts.Captioner.V1.Captioner.CaptionerClient(channel).CaptionAsync(request, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(request.CalculateSize() > 4 * 1024 * 1024);
        Assert.Single(reply.Descriptions);
    }

    [Fact]
    public async Task Caption_DestinationDown_GrpcClientGetsUnavailable()
    {
        var stopped = await mesh.StartAsync(b => b.AddCaptionerService(), a => a.MapCaptionerService(), MeshFixture.ServiceSettings(), MeshFixture.Models());
        await stopped.StopAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:Port"] = "0",
            ["ReverseProxy:Clusters:captioner:Destinations:d1:Address"] = stopped.Address.ToString(),
        };
        var gateway = await mesh.StartAsync(b => b.AddGateway(), a => a.MapGateway(), settings);
        using var channel = GrpcChannel.ForAddress(gateway.Address);
        var request = new CaptionRequest();
        request.Images.AddRange(TestClip.Request(1).Frames);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await new SegPref.Contracts.Captioner.V1.Captioner.CaptionerClient(channel)
            .CaptionAsync(request, deadline: DateTime.UtcNow.AddSeconds(20), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
    }
}

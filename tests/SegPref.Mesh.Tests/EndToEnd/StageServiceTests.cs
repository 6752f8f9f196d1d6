using Google.Protobuf;
using Grpc.Health.V1;
using SegPref.Contracts.Audio.V1;
using SegPref.Contracts.Captioner.V1;
using SegPref.Contracts.Common.V1;
using SegPref.Contracts.TextCues.V1;
using SegPref.Mesh.Tests.Infrastructure;
using SegPref.Mesh.Tests.TestModels;

namespace SegPref.Mesh.Tests.EndToEnd;

[Collection(MeshGroup.Name)]
public sealed class StageServiceTests(MeshFixture mesh)
{
    [Fact]
    public async Task Caption_SameImageTwice_SecondAnswerComesFromCache()
    {
        using var channel = mesh.GatewayChannel();
        var client = new SegPref.Contracts.Captioner.V1.Captioner.CaptionerClient(channel);
        var request = new CaptionRequest();
        var unique = TestClip.Frames(6)[5];
        request.Images.Add(new Image { Data = ByteString.CopyFrom(unique) });

        var first = await client.CaptionAsync(request, cancellationToken: TestContext.Current.CancellationToken);
        var second = await client.CaptionAsync(request, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([false], first.Cached);
        Assert.Equal([true], second.Cached);
        Assert.Equal(first.Descriptions, second.Descriptions);
        Assert.Equal("test-captioner", second.Model.Name);
    }

    [Fact]
    public async Task Extract_Descriptions_ReturnsCuesEmbeddingsAndValidity()
    {
        using var channel = mesh.GatewayChannel();
        var request = new ExtractRequest();
        request.Descriptions.Add("a man playing a guitar");
        request.Descriptions.Add("an empty room");

        var reply = await new SegPref.Contracts.TextCues.V1.TextCues.TextCuesClient(channel).ExtractAsync(request, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("lexicon", reply.Backend);
        Assert.Contains("guitar", reply.Frames[0].Cues);
        Assert.Equal("[4,16]", reply.Frames[0].Embeddings.ShapeText);
        Assert.Equal(reply.Frames[0].Cues.Count, reply.Frames[0].Valid.Count(v => v));
        Assert.Empty(reply.Frames[1].Cues);
        Assert.All(reply.Frames[1].Valid, Assert.False);
    }

    [Fact]
    public async Task Encode_StereoWavAt22kHz_ReturnsOneEmbeddingPerSecond()
    {
        using var channel = mesh.GatewayChannel();
        var request = new EncodeRequest { Audio = new Audio { Wav = ByteString.CopyFrom(TestClip.StereoWav(3.2)) } };

        var reply = await new SegPref.Contracts.Audio.V1.AudioEncoder.AudioEncoderClient(channel).EncodeAsync(request, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("[3,128]", reply.Embeddings.ShapeText);
        Assert.Equal(3.2, reply.DurationSeconds, 2);
        Assert.Equal(new TestAudioEmbedder().Identity.Name, reply.Model.Name);
    }

    [Fact]
    public async Task Health_EveryServiceAndGateway_ServingAfterWarmUp()
    {
        foreach (var host in new[] { mesh.Captioner, mesh.TextCues, mesh.Audio, mesh.Segmentation })
        {
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await MeshFixture.WaitServingAsync(host.Address));
        }

        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(mesh.Gateway.Address, "/healthz"), TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Mesh.Tests.Infrastructure;
using SegPref.Mesh.Tests.TestModels;

namespace SegPref.Mesh.Tests.EndToEnd;

[Collection(MeshGroup.Name)]
public sealed class DescribeTests(MeshFixture mesh)
{
    [Fact]
    public async Task Describe_GrpcThroughGateway_ReportsTheSegmenterSizeWindowAndLimits()
    {
        using var channel = mesh.GatewayChannel();

        var reply = await new Pipeline.PipelineClient(channel).DescribeAsync(new DescribeRequest(), cancellationToken: TestContext.Current.CancellationToken);

        var segmenter = Assert.Single(reply.Segmenters);
        Assert.Equal(TestSegmenter.Size, segmenter.ImageSize);
        Assert.True(segmenter.IsDefault);
        Assert.Equal("segmenter", segmenter.Model.Role);
        Assert.Equal((5, 16, 30.0, 16_000), (reply.WindowFrames, reply.MaxFrames, reply.MaxAudioSeconds, reply.AudioSampleRateHz));
    }

    [Fact]
    public async Task GetModels_JsonOverHttp11ThroughGateway_ReportsTheSameAsGrpc()
    {
        using var http = new HttpClient { DefaultRequestVersion = HttpVersion.Version11 };

        using var response = await http.GetAsync(new Uri(mesh.Gateway.Address, "/v1/models"), TestContext.Current.CancellationToken);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TestSegmenter.Size, json.GetProperty("segmenters")[0].GetProperty("imageSize").GetInt32());
        Assert.Equal(5, json.GetProperty("windowFrames").GetInt32());
    }

    [Fact]
    public async Task Models_OtherMethods_MethodNotAllowed()
    {
        using var http = new HttpClient();

        using var response = await http.DeleteAsync(new Uri(mesh.Gateway.Address, "/v1/models"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}

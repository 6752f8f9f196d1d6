using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Google.Protobuf;
using SegPref.Contracts.Clients;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Media.Video;
using SegPref.Mesh.Tests.Infrastructure;

namespace SegPref.Mesh.Tests.EndToEnd;

[Collection(MeshGroup.Name)]
public sealed class JsonTranscodingTests(MeshFixture mesh)
{
    [Fact]
    public async Task PostSegment_JsonOverHttp11ThroughGateway_ReturnsSameMasksAsGrpc()
    {
        var request = TestClip.Request(2, reliance: false);
        using var channel = mesh.GatewayChannel();
        var grpc = await new Pipeline.PipelineClient(channel).SegmentAsync(request, cancellationToken: TestContext.Current.CancellationToken);
        using var http = new HttpClient { DefaultRequestVersion = HttpVersion.Version11 };
        using var content = new StringContent(JsonFormatter.Default.Format(request), System.Text.Encoding.UTF8, "application/json");

        using var response = await http.PostAsync(new Uri(mesh.Gateway.Address, "/v1/segment"), content, TestContext.Current.CancellationToken);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version11, response.Version);
        var frames = json.GetProperty("frames");
        Assert.Equal(2, frames.GetArrayLength());
        Assert.Equal(grpc.Frames[1].Mask.Rle, frames[1].GetProperty("mask").GetProperty("rle").GetString());
    }

    [Fact]
    public async Task PostSegment_NoFrames_Returns400WithTheReason()
    {
        using var http = new HttpClient();
        using var content = new StringContent("{\"frames\":[],\"audio\":{\"wav\":\"UklGRg==\"}}", System.Text.Encoding.UTF8, "application/json");

        using var response = await http.PostAsync(new Uri(mesh.Gateway.Address, "/v1/segment"), content, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at least one image", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostSegment_VideoWindowsAsTheCliCutsThem_SegmentsEveryFrame()
    {
        var tools = TestVideo.Tools();
        var folder = Directory.CreateTempSubdirectory("segpref-rest-windows-");
        try
        {
            var video = await VideoProbe.ProbeAsync(tools, await TestVideo.MakeAsync(folder.FullName, 7), TestContext.Current.CancellationToken);
            using var http = new HttpClient { DefaultRequestVersion = HttpVersion.Version11 };
            var models = await http.GetFromJsonAsync<JsonElement>(new Uri(mesh.Gateway.Address, "/v1/models"), TestContext.Current.CancellationToken);
            var size = models.GetProperty("segmenters")[0].GetProperty("imageSize").GetInt32();
            await using var reader = VideoWindowReader.Open(tools, video, new VideoWindowOptions { FrameSize = size, WindowFrames = models.GetProperty("windowFrames").GetInt32() });

            var counts = new List<int>();
            while (await reader.ReadAsync(TestContext.Current.CancellationToken) is { } window)
            {
                var request = SegmentClient.BuildRequest(window.EncodeFrames(), window.EncodeWav(), new SegmentClientOptions { AudioReliance = true });
                using var content = new StringContent(JsonFormatter.Default.Format(request), System.Text.Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(new Uri(mesh.Gateway.Address, "/v1/segment"), content, TestContext.Current.CancellationToken);
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
                var frames = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("frames");
                Assert.All(frames.EnumerateArray(), f => Assert.Equal(size, f.GetProperty("mask").GetProperty("width").GetInt32()));
                Assert.All(frames.EnumerateArray(), f => Assert.InRange(f.GetProperty("audioReliance").GetDouble(), 0, 1));
                counts.Add(frames.GetArrayLength());
            }

            Assert.Equal([5, 2], counts);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

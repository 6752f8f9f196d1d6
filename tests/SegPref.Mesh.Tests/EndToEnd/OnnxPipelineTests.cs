using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Net.Client;
using SegPref.Contracts.Clients;
using SegPref.Inference;
using SegPref.Mesh.Tests.Infrastructure;
using SegPref.Contracts.Segmentation.V1;

namespace SegPref.Mesh.Tests.EndToEnd;

/// <summary>The mesh with the committed ONNX models: gateway results equal the same pipeline run in process.</summary>
public sealed class OnnxPipelineTests(OnnxMeshFixture mesh) : IClassFixture<OnnxMeshFixture>
{
    [Fact]
    public async Task Segment_RealClipThroughGateway_EqualsInProcessOnnxPipeline()
    {
        var request = SegmentClient.BuildRequest(mesh.Frames, mesh.Wav, new SegmentClientOptions { AudioReliance = true });
        using var repository = ModelRepository.Open(OnnxMeshFixture.RepositoryRoot, new InferenceOptions { Provider = ExecutionProvider.Cpu, IntraOpThreads = 1 });
        var runner = InProcessPipelineStages.Runner(repository.Captioner, repository.CueEncoder, repository.AudioEncoder, repository.Segmenter);
        using var channel = GrpcChannel.ForAddress(mesh.Gateway.Address, new GrpcChannelOptions { MaxReceiveMessageSize = 64 << 20 });

        var remote = await new Pipeline.PipelineClient(channel).SegmentAsync(request, cancellationToken: TestContext.Current.CancellationToken);
        var local = await runner.RunAsync(request, DateTime.MaxValue, TestContext.Current.CancellationToken);

        Assert.Equal(5, remote.Frames.Count);
        Assert.False(remote.Degraded);
        for (var t = 0; t < local.Frames.Count; t++)
        {
            Assert.Equal(local.Frames[t].Description, remote.Frames[t].Description);
            Assert.Equal(local.Frames[t].Cues, remote.Frames[t].Cues);
            Assert.Equal(local.Frames[t].Mask.Rle, remote.Frames[t].Mask.Rle);
            Assert.Equal(local.Frames[t].AudioReliance, remote.Frames[t].AudioReliance);
        }

        Assert.Contains(remote.Models, m => m.Name == "teso");
        Assert.Contains(remote.Frames, f => f.Mask.Area > 0);
    }

    [Fact]
    public async Task Segment_RestJsonThroughGateway_ReturnsEveryFrame()
    {
        var request = SegmentClient.BuildRequest(mesh.Frames, mesh.Wav, new SegmentClientOptions { AudioReliance = false });
        using var http = new HttpClient { BaseAddress = mesh.Gateway.Address };
        using var body = new StringContent(Google.Protobuf.JsonFormatter.Default.Format(request), System.Text.Encoding.UTF8, "application/json");

        using var response = await http.PostAsync("/v1/segment", body, TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(5, json.GetProperty("frames").GetArrayLength());
    }

    [Fact]
    public async Task Describe_CommittedRepository_ReportsTesoAtItsConfiguredSize()
    {
        using var client = new SegmentClient(mesh.Gateway.Address);

        var reply = await client.DescribeAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        var teso = reply.Segmenters[0];
        Assert.Equal(("teso", true, true), (teso.Model.Name, teso.IsDefault, teso.UsesText));
        var config = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(OnnxMeshFixture.RepositoryRoot, "teso", teso.Model.Version, "config.json"), TestContext.Current.CancellationToken));
        Assert.Equal(config.RootElement.GetProperty("preprocessing").GetProperty("image_size").GetInt32(), teso.ImageSize);
    }
}

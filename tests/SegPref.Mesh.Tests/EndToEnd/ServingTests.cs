using System.Globalization;
using System.Text.RegularExpressions;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using SegPref.Contracts.Common.V1;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Cues;
using SegPref.Inference.Abstractions;
using SegPref.Inference.Serving;
using SegPref.Media.Audio;
using SegPref.Mesh.Tests.Infrastructure;
using SegPref.Mesh.Tests.TestModels;

namespace SegPref.Mesh.Tests.EndToEnd;

/// <summary>Serving behaviour seen from outside: the bounded queue, per-request model selection, and /metrics.</summary>
[Collection(MeshGroup.Name)]
public sealed partial class ServingTests(MeshFixture mesh)
{
    [Fact]
    public async Task Segment_QueueFull_ResourceExhaustedWhileQueuedRequestsStillAnswer()
    {
        var segmenter = new TestSegmenter();
        var settings = new Dictionary<string, string?> { ["Models:InstanceCount"] = "1", ["Models:MaxQueueSize"] = "1" };
        var host = await mesh.StartSegmentationAsync(mesh.Captioner.Address, settings, MeshFixture.Models(segmenter: segmenter));
        var models = host.Services.GetRequiredService<ModelSet<IMaskSegmenter, SegmenterInput, SegmenterOutput>>();
        using var channel = GrpcChannel.ForAddress(host.Address);
        var client = new Segmenter.SegmenterClient(channel);
        using var hold = new ManualResetEventSlim(false);
        segmenter.Hold = hold;
        var ct = TestContext.Current.CancellationToken;

        var running = client.SegmentAsync(SegmentRequest(2), cancellationToken: ct).ResponseAsync;
        await segmenter.Entered.WaitAsync(TimeSpan.FromSeconds(30), ct);
        var queued = client.SegmentAsync(SegmentRequest(2), cancellationToken: ct).ResponseAsync;
        while (models.Default.Pending < 1)
        {
            await Task.Delay(5, ct);
        }

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.SegmentAsync(SegmentRequest(2), cancellationToken: ct));
        segmenter.Hold = null;
        hold.Set();

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Contains("queue is full (1 requests waiting, dynamic_batching.max_queue_size)", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(2, (await running).Masks.Count);
        Assert.Equal(2, (await queued).Masks.Count);
        var metrics = await ScrapeAsync(host.Address);
        Assert.Contains(metrics, l => l.StartsWith("nv_inference_request_failure{", StringComparison.Ordinal) && l.Contains("reason=\"REJECTED\"", StringComparison.Ordinal) && l.Contains("model=\"test-segmenter\"", StringComparison.Ordinal));
        Assert.Contains(metrics, l => l.StartsWith("rpc_server_call_duration_seconds_count{", StringComparison.Ordinal) && l.Contains("rpc_response_status_code=\"RESOURCE_EXHAUSTED\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Segment_SegmenterReportsAudioSupport_RelianceIsTheSupportWithoutASilentPass()
    {
        var segmenter = new TestSegmenter { ReportsAudioSupport = true };
        var host = await mesh.StartSegmentationAsync(mesh.Captioner.Address, new Dictionary<string, string?>(), MeshFixture.Models(segmenter: segmenter));
        using var channel = GrpcChannel.ForAddress(host.Address);
        lock (segmenter.RunFrames)
        {
            segmenter.RunFrames.Clear();
        }

        var request = TestClip.Request(5);
        var reply = await new Pipeline.PipelineClient(channel).SegmentAsync(request, cancellationToken: TestContext.Current.CancellationToken);

        // One run of the clip's 5 frames (no silent half); reliance = the model's own support: sigmoid(loudest band + 3).
        Assert.Equal([5], segmenter.RunFrames);
        var audio = new TestAudioEmbedder();
        var embeddings = audio.Embed(VggishLogMel.ComputeExamples(WavFile.Read(new MemoryStream(request.Audio.Wav.ToByteArray()), "wav"), 5));
        for (var t = 0; t < 5; t++)
        {
            var loudest = embeddings.AsSpan(t * audio.EmbeddingSize, 64).ToArray().Max();
            Assert.Equal(1 / (1 + Math.Exp(-(loudest + 3))), reply.Frames[t].AudioReliance, 1e-5);
        }
    }

    [Fact]
    public async Task Segment_UnknownSegmenterName_NotFoundListingServedModels()
    {
        using var channel = mesh.GatewayChannel();
        var request = TestClip.Request(1, reliance: false);
        request.Segmenter = new ModelRef { Name = "teso-canary" };

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await new Pipeline.PipelineClient(channel).SegmentAsync(request, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Equal("segmenter 'teso-canary' is not served here; served: test-segmenter (1).", ex.Status.Detail);
    }

    [Theory]
    [InlineData("7", StatusCode.NotFound, "segmenter 'test-segmenter' version 7 is not served here; served versions of 'test-segmenter': 1.")]
    [InlineData("latest", StatusCode.InvalidArgument, "segmenter.version 'latest' is not a version number")]
    public async Task Segment_BadSegmenterVersion_AnswersWithAClearStatus(string version, StatusCode code, string message)
    {
        using var channel = mesh.GatewayChannel();
        var request = SegmentRequest(1);
        request.Segmenter = new ModelRef { Name = "test-segmenter", Version = version };

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await new Segmenter.SegmenterClient(channel).SegmentAsync(request, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(code, ex.StatusCode);
        Assert.StartsWith(message, ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_AfterPipelineRequests_TritonCountersOneEncodePerRequestAndGatewayRoutes()
    {
        using var channel = mesh.GatewayChannel();
        var client = new Pipeline.PipelineClient(channel);
        var ct = TestContext.Current.CancellationToken;
        await client.SegmentAsync(TestClip.Request(5), cancellationToken: ct);
        var audioBefore = Value(await ScrapeAsync(mesh.Audio.Address), "nv_inference_request_success", "test-audio-encoder");
        var segmentBefore = Value(await ScrapeAsync(mesh.Segmentation.Address), "nv_inference_count", "test-segmenter");

        for (var i = 0; i < 3; i++)
        {
            await client.SegmentAsync(TestClip.Request(5), cancellationToken: ct);
        }

        var segmentation = await ScrapeAsync(mesh.Segmentation.Address);
        var audio = await ScrapeAsync(mesh.Audio.Address);
        var gateway = await ScrapeAsync(mesh.Gateway.Address);

        // One Encode per request (the silence embedding is cached); each request is 5 frames + 5 silent ones.
        Assert.Equal(3, Value(audio, "nv_inference_request_success", "test-audio-encoder") - audioBefore);
        Assert.Equal(30, Value(segmentation, "nv_inference_count", "test-segmenter") - segmentBefore);
        foreach (var name in new[] { "nv_inference_exec_count", "nv_inference_queue_duration_us", "nv_inference_compute_infer_duration_us", "nv_inference_request_duration_us", "nv_inference_pending_request_count" })
        {
            Assert.Contains(segmentation, l => l.StartsWith(name + "{", StringComparison.Ordinal) && l.Contains("model=\"test-segmenter\",version=\"1\"", StringComparison.Ordinal));
        }

        Assert.True(Value(segmentation, "nv_inference_compute_infer_duration_us", "test-segmenter") > 0);
        Assert.Contains(segmentation, l => l.StartsWith("rpc_server_call_duration_seconds_count{", StringComparison.Ordinal) && l.Contains("rpc_method=\"segpref.segmentation.v1.Pipeline/Segment\"", StringComparison.Ordinal) && l.Contains("rpc_response_status_code=\"OK\"", StringComparison.Ordinal));
        Assert.Contains(gateway, l => l.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal) && l.Contains("http_route=\"/segpref.segmentation.v1.Pipeline/{**method}\"", StringComparison.Ordinal));
    }

    private static SegmentRequest SegmentRequest(int frames)
    {
        var request = new SegmentRequest
        {
            AudioEmbeddings = Tensor.FromFloatSpan(new float[frames * 128], frames, 128),
            CueEmbeddings = Tensor.FromFloatSpan(new float[frames * CueSlots.Count * TestCueEmbedder.Width], frames, CueSlots.Count, TestCueEmbedder.Width),
            CueValid = Tensor.FromBoolSpan(new bool[frames * CueSlots.Count], frames, CueSlots.Count),
        };
        request.Frames.AddRange(TestClip.Request(frames).Frames);
        return request;
    }

    // Prometheus text over plain HTTP/1.1, as a scraper sends it, on the service's one port.
    private static async Task<string[]> ScrapeAsync(Uri address)
    {
        using var http = new HttpClient();
        var text = await http.GetStringAsync(new Uri(address, "/metrics"), TestContext.Current.CancellationToken);
        return text.Split('\n');
    }

    private static double Value(string[] lines, string metric, string model) =>
        lines.Where(l => l.StartsWith(metric + "{", StringComparison.Ordinal) && l.Contains($"model=\"{model}\"", StringComparison.Ordinal))
            .Select(l => double.Parse(SampleValue().Match(l).Groups[1].Value, CultureInfo.InvariantCulture))
            .Sum();

    [GeneratedRegex(@"\}\s+(\S+)")]
    private static partial Regex SampleValue();
}

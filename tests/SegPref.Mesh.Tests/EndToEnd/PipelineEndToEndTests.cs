using SegPref.Contracts.Segmentation.V1;
using SegPref.Inference.Abstractions;
using SegPref.Media.Audio;
using SegPref.Media.Imaging;
using SegPref.Media.Masks;
using SegPref.Mesh.Tests.Infrastructure;
using SegPref.Mesh.Tests.TestModels;

namespace SegPref.Mesh.Tests.EndToEnd;

[Collection(MeshGroup.Name)]
public sealed class PipelineEndToEndTests(MeshFixture mesh)
{
    [Fact]
    public async Task Segment_ThroughGatewayWithGrpcClient_ReturnsOneMaskPerFrameWithTextAndReliance()
    {
        using var channel = mesh.GatewayChannel();
        var client = new Pipeline.PipelineClient(channel);

        var reply = await client.SegmentAsync(TestClip.Request(5), deadline: DateTime.UtcNow.AddSeconds(60), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(5, reply.Frames.Count);
        Assert.False(reply.Degraded);
        Assert.Equal("lexicon", reply.CueBackend);
        Assert.Equal(["captioner", "cue-encoder", "audio-encoder", "segmenter"], reply.Models.Select(m => m.Role));
        Assert.Contains(reply.Timings, t => t.Stage == "caption");
        Assert.DoesNotContain(reply.Timings, t => t.Stage == "segment_silent");
        foreach (var stage in new[] { "caption", "cues", "audio", "segment" })
        {
            // The captioner may answer these frames from its cache (an earlier test sent them): then no run, compute 0.
            Assert.Contains(reply.Timings, t => t.Stage == stage + ".queue" && t.Milliseconds >= 0);
            Assert.Contains(reply.Timings, t => t.Stage == stage + ".compute" && (t.Milliseconds > 0 || stage == "caption"));
        }

        var expected = ExpectedReliance(TestClip.Request(5));
        for (var t = 0; t < reply.Frames.Count; t++)
        {
            var frame = reply.Frames[t];
            Assert.Equal((TestClip.Width, TestClip.Height), (frame.Mask.Width, frame.Mask.Height));
            Assert.Equal("a man playing a guitar", frame.Description);
            Assert.Contains("guitar", frame.Cues);
            var png = BinaryMask.Decode(frame.Mask.Png.ToByteArray(), "mask");
            var rle = CocoRle.FromCompressedString(frame.Mask.Height, frame.Mask.Width, frame.Mask.Rle).Decode();
            Assert.Equal(png.Values, rle.Values);
            Assert.InRange(frame.Mask.Area, 1, (TestClip.Width * TestClip.Height) - 1);

            // Silence closes the test segmenter's gate on the red square: the probability mass there vanishes, the
            // grey background's (the same with and without audio) stays, so the share lost is well below 1.
            Assert.Equal(expected[t], frame.AudioReliance, 5e-6);
            Assert.InRange(frame.AudioReliance, 0.05f, 0.6f);
        }
    }

    // The reliance computed here, outside the mesh: the test models on the clip with its audio and with silence, the
    // sigmoid of the logits at the model's 32 x 32, and AudioReliance.FromCounterfactual per frame.
    private static double[] ExpectedReliance(PipelineRequest request)
    {
        var frames = request.Frames.Select(f => ImageCodec.Decode(f.Data.ToByteArray(), "frame")).ToArray();
        var audio = new TestAudioEmbedder();
        var real = audio.Embed(VggishLogMel.ComputeExamples(WavFile.Read(new MemoryStream(request.Audio.Wav.ToByteArray()), "wav"), frames.Length));
        var silence = audio.Embed(VggishLogMel.ComputeExamples(new AudioClip(new float[VggishLogMel.SampleRateHz], VggishLogMel.SampleRateHz), 1));
        var cues = new TestCueEmbedder().Embed([.. Enumerable.Repeat(new[] { "guitar", "man", "None", "None" }, frames.Length)]);
        var segmenter = new TestSegmenter();
        var pixels = segmenter.PrepareFrames(frames);
        var withAudio = segmenter.Segment(new SegmenterInput(frames.Length, pixels, real, cues.Vectors, cues.Valid)).Logits;
        var silent = segmenter.Segment(new SegmenterInput(frames.Length, pixels, [.. Enumerable.Range(0, frames.Length).SelectMany(_ => silence)], cues.Vectors, cues.Valid)).Logits;
        const int plane = TestSegmenter.Size * TestSegmenter.Size;
        return [.. Enumerable.Range(0, frames.Length).Select(t => AudioReliance.FromCounterfactual(
            withAudio.AsSpan(t * plane, plane).ToArray().Select(ProbabilityMap.Sigmoid).ToArray(),
            silent.AsSpan(t * plane, plane).ToArray().Select(ProbabilityMap.Sigmoid).ToArray()))];
    }

    [Fact]
    public async Task Segment_ThroughGateway_EqualsInProcessPipeline()
    {
        using var channel = mesh.GatewayChannel();
        var client = new Pipeline.PipelineClient(channel);
        var request = TestClip.Request(5, reliance: false);
        var runner = InProcessPipelineStages.Runner(new TestCaptioner(), new TestCueEmbedder(), new TestAudioEmbedder(), new TestSegmenter());

        var remote = await client.SegmentAsync(request, cancellationToken: TestContext.Current.CancellationToken);
        var local = await runner.RunAsync(request, DateTime.MaxValue, TestContext.Current.CancellationToken);

        Assert.Equal(local.Frames.Count, remote.Frames.Count);
        for (var t = 0; t < local.Frames.Count; t++)
        {
            Assert.Equal(local.Frames[t].Mask.Rle, remote.Frames[t].Mask.Rle);
            Assert.Equal(local.Frames[t].Mask.Png, remote.Frames[t].Mask.Png);
            Assert.Equal(local.Frames[t].Cues, remote.Frames[t].Cues);
        }
    }

    [Fact]
    public async Task Segment_WithProbability_ReturnsProbabilityPngAtFrameSize()
    {
        using var channel = mesh.GatewayChannel();
        var request = TestClip.Request(2, reliance: false);
        request.IncludeProbability = true;

        var reply = await new Pipeline.PipelineClient(channel).SegmentAsync(request, cancellationToken: TestContext.Current.CancellationToken);

        var map = ProbabilityMap.Decode(reply.Frames[0].Mask.ProbabilityPng.ToByteArray(), "probability");
        Assert.Equal((TestClip.Width, TestClip.Height), (map.Width, map.Height));
        Assert.False(reply.Frames[0].HasAudioReliance);
    }

    [Fact]
    public async Task Segment_AfterManyConcurrentCalls_AllSucceed()
    {
        using var channel = mesh.GatewayChannel();
        var client = new Pipeline.PipelineClient(channel);

        var replies = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            client.SegmentAsync(TestClip.Request(3, reliance: false), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync));

        Assert.All(replies, r => Assert.Equal(replies[0].Frames.Select(f => f.Mask.Rle), r.Frames.Select(f => f.Mask.Rle)));
    }

    [Fact]
    public async Task Segment_NoCallerDeadline_StillAnswers()
    {
        using var channel = mesh.GatewayChannel();

        var reply = await new Pipeline.PipelineClient(channel).SegmentAsync(TestClip.Request(1, reliance: false), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Single(reply.Frames);
        Assert.Contains(reply.Timings, t => t.Stage == "total" && t.Milliseconds > 0);
        Assert.DoesNotContain(reply.Timings, t => t.Stage == "segment_silent");
    }
}

using Google.Protobuf;
using Grpc.Core;
using SegPref.Contracts.Common.V1;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Media.Imaging;
using SegPref.Mesh.Tests.Infrastructure;

namespace SegPref.Mesh.Tests.EndToEnd;

[Collection(MeshGroup.Name)]
public sealed class InvalidInputTests(MeshFixture mesh)
{
    public static TheoryData<string, string> Cases => new()
    {
        { "no-frames", "at least one image" },
        { "empty-image", "frames[1]: the image is empty" },
        { "not-an-image", "frames[0]" },
        { "mismatched-size", "all frames of a clip must have one size" },
        { "too-many-frames", "Limits:MaxFrames" },
        { "audio-too-long", "Limits:MaxAudioSeconds" },
        { "no-audio", "audio: missing" },
        { "bad-wav", "audio.wav" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Segment_MalformedInput_InvalidArgumentNamingTheProblemAndServiceKeepsServing(string fault, string expected)
    {
        using var channel = mesh.GatewayChannel();
        var client = new Pipeline.PipelineClient(channel);
        var request = Malformed(fault);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.SegmentAsync(request, cancellationToken: TestContext.Current.CancellationToken));
        var after = await client.SegmentAsync(TestClip.Request(1, reliance: false), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains(expected, ex.Status.Detail, StringComparison.Ordinal);
        Assert.Single(after.Frames);
    }

    [Fact]
    public async Task Segmenter_AudioRowsDoNotMatchFrames_InvalidArgument()
    {
        using var channel = mesh.GatewayChannel();
        var request = new SegmentRequest { AudioEmbeddings = Tensor.FromFloats(new float[2, 128]) };
        request.Frames.AddRange(TestClip.Request(3).Frames);

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await new Segmenter.SegmenterClient(channel).SegmentAsync(request, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("audio_embeddings: shape [2,128] does not match [3,128]", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Segmenter_TensorBytesDoNotMatchShape_InvalidArgument()
    {
        using var channel = mesh.GatewayChannel();
        var audio = new Tensor { Dtype = DataType.Float32, Data = ByteString.CopyFrom(new byte[10]) };
        audio.Shape.Add(1);
        audio.Shape.Add(128);
        var request = new SegmentRequest { AudioEmbeddings = audio };
        request.Frames.AddRange(TestClip.Request(1).Frames);

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await new Segmenter.SegmenterClient(channel).SegmentAsync(request, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("needs 512 bytes", ex.Status.Detail, StringComparison.Ordinal);
    }

    private static PipelineRequest Malformed(string fault)
    {
        var request = TestClip.Request(3, reliance: false);
        switch (fault)
        {
            case "no-frames":
                request.Frames.Clear();
                break;
            case "empty-image":
                request.Frames[1] = new Image { Format = "png" };
                break;
            case "not-an-image":
                request.Frames[0] = new Image { Data = ByteString.CopyFromUtf8("definitely not a png") };
                break;
            case "mismatched-size":
                request.Frames[2] = new Image { Data = ByteString.CopyFrom(ImageCodec.EncodePng(RgbImage.Filled(32, 32, (1, 2, 3)))) };
                break;
            case "too-many-frames":
                request.Frames.AddRange(TestClip.Request(14).Frames);
                break;
            case "audio-too-long":
                request.Audio = new Audio { Wav = ByteString.CopyFrom(TestClip.StereoWav(31, rateHz: 8000)) };
                break;
            case "no-audio":
                request.Audio = null;
                break;
            case "bad-wav":
                request.Audio = new Audio { Wav = ByteString.CopyFromUtf8("RIFF????WAVEjunk") };
                break;
            default:
                throw new ArgumentException(fault, nameof(fault));
        }

        return request;
    }
}

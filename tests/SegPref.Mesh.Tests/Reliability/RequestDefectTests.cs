using System.Net;
using Google.Protobuf;
using Grpc.Core;
using SegPref.Contracts.Audio.V1;
using SegPref.Contracts.Captioner.V1;
using SegPref.Contracts.Common.V1;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Contracts.TextCues.V1;
using SegPref.Media.Imaging;
using SegPref.Mesh.Tests.Infrastructure;

namespace SegPref.Mesh.Tests.Reliability;

/// <summary>The defects an outside client found (issue 15), each answered now with a status that names the field.</summary>
[Collection(MeshGroup.Name)]
public sealed class RequestDefectTests(MeshFixture mesh)
{
    [Fact]
    public async Task Encode_WavDeclaring2147483647Hz_InvalidArgumentBeforeAnyResampling()
    {
        // The resampling bomb: 4.2 MB of samples that declare 2^31-1 Hz (1 ms of audio) took 13 s and 0.9 GB.
        var request = new EncodeRequest { Audio = new Audio { Wav = ByteString.CopyFrom(TestWav.Pcm16(2_100_000, int.MaxValue)) }, Seconds = 1 };
        using var channel = mesh.GatewayChannel();

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await new SegPref.Contracts.Audio.V1.AudioEncoder.AudioEncoderClient(channel)
            .EncodeAsync(request, deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("audio.wav: 2147483647 Hz is outside", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("Limits:MaxSampleRateHz", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public async Task Encode_FloatWavWithNonFiniteSample_InvalidArgumentNamingTheSample(float bad)
    {
        var samples = new float[16000];
        samples[1234] = bad;
        var request = new EncodeRequest { Audio = new Audio { Wav = ByteString.CopyFrom(TestWav.Float32(samples, 16000)) } };
        using var channel = mesh.GatewayChannel();

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await new SegPref.Contracts.Audio.V1.AudioEncoder.AudioEncoderClient(channel)
            .EncodeAsync(request, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("audio.wav: sample 1234 is", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pipeline_FloatWavWithNaN_InvalidArgumentNotEmptyMasks()
    {
        var samples = new float[16000 * 2];
        samples[7] = float.NaN;
        var request = TestClip.Request(2, reliance: false);
        request.Audio = new Audio { Wav = ByteString.CopyFrom(TestWav.Float32(samples, 16000)) };
        using var channel = mesh.GatewayChannel();

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await new Pipeline.PipelineClient(channel)
            .SegmentAsync(request, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("audio-encoder stage rejected the input: audio.wav: sample 7 is NaN", ex.Status.Detail, StringComparison.Ordinal);
    }

    public static TheoryData<string> Methods => new()
    {
        "/segpref.captioner.v1.Captioner/Caption",
        "/segpref.textcues.v1.TextCues/Extract",
        "/segpref.audio.v1.AudioEncoder/Encode",
        "/segpref.segmentation.v1.Segmenter/Segment",
        "/segpref.segmentation.v1.Pipeline/Segment",
    };

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task AnyRpc_UnparseableProtobuf_InvalidArgumentNotUnknown(string method)
    {
        using var channel = mesh.GatewayChannel();

        // Field 1, length-delimited, claims 100 bytes and holds 3: a truncated message.
        var (code, detail) = await RawGrpc.CallAsync(channel, method, [0x0A, 100, 1, 2, 3], TimeSpan.FromSeconds(20));

        Assert.Equal(StatusCode.InvalidArgument, code);
        Assert.StartsWith("request: not a valid", detail, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> StringMethods => new()
    {
        { "/segpref.captioner.v1.Captioner/Caption", "caption" },
        { "/segpref.textcues.v1.TextCues/Extract", "extract" },
        { "/segpref.segmentation.v1.Segmenter/Segment", "segment" },
        { "/segpref.segmentation.v1.Pipeline/Segment", "pipeline" },
    };

    [Theory]
    [MemberData(nameof(StringMethods))]
    public async Task AnyRpc_InvalidUtf8InAStringField_InvalidArgument(string method, string kind)
    {
        var bytes = ValidWithMarker(kind);
        var at = IndexOf(bytes, "MARKER"u8.ToArray());
        bytes[at] = 0xFF;
        bytes[at + 1] = 0xFE;
        using var channel = mesh.GatewayChannel();

        var (code, detail) = await RawGrpc.CallAsync(channel, method, bytes, TimeSpan.FromSeconds(20));

        Assert.Equal(StatusCode.InvalidArgument, code);
        Assert.StartsWith("request: not a valid", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Segmenter_ShapeWhoseProductWrapsAround_InvalidArgumentNotOutOfMemory()
    {
        var request = new SegmentRequest { AudioEmbeddings = Tensor.FromFloats(new float[1, 128]) };
        request.Frames.AddRange(TestClip.Request(1).Frames);
        request.CueEmbeddings = new Tensor { Dtype = DataType.Float32 };
        request.CueEmbeddings.Shape.Add(1L << 30);
        request.CueEmbeddings.Shape.Add(1L << 30);
        request.CueEmbeddings.Shape.Add(4);
        request.CueValid = Tensor.FromBools(new bool[1, 4]);
        using var channel = mesh.GatewayChannel();

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await new Segmenter.SegmenterClient(channel)
            .SegmentAsync(request, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("cue_embeddings: shape [1073741824,1073741824,4] needs 18446744073709551616 bytes", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("audio_embeddings", float.NaN)]
    [InlineData("audio_embeddings", float.PositiveInfinity)]
    [InlineData("cue_embeddings", float.NaN)]
    [InlineData("cue_embeddings", float.NegativeInfinity)]
    public async Task Segmenter_NonFiniteEmbedding_InvalidArgumentNamingTheField(string field, float bad)
    {
        var audio = new float[1, 128];
        var cues = new float[1, 4, SegPref.Mesh.Tests.TestModels.TestCueEmbedder.Width];
        if (field == "audio_embeddings")
        {
            audio[0, 5] = bad;
        }
        else
        {
            cues[0, 1, 2] = bad;
        }

        var request = new SegmentRequest { AudioEmbeddings = Tensor.FromFloats(audio), CueEmbeddings = Tensor.FromFloats(cues), CueValid = Tensor.FromBools(new bool[1, 4]) };
        request.Frames.AddRange(TestClip.Request(1).Frames);
        using var channel = mesh.GatewayChannel();

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await new Segmenter.SegmenterClient(channel)
            .SegmentAsync(request, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.StartsWith($"{field}: element", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("must be finite", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pipeline_SixteenBlack4096PngFrames_ResourceExhaustedBeforeDecoding()
    {
        // 16 frames of 4096x4096 black PNG are about 260 KB on the wire and 805 MB decoded.
        var png = ByteString.CopyFrom(ImageCodec.EncodePng(new RgbImage(4096, 4096)));
        var request = new PipelineRequest { Audio = TestClip.Request(1).Audio };
        request.Frames.AddRange(Enumerable.Range(0, 16).Select(_ => new Image { Data = png, Format = "png" }));
        using var channel = mesh.GatewayChannel();

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await new Pipeline.PipelineClient(channel)
            .SegmentAsync(request, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Contains("frames: 16 images up to 4096x4096 need", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("Limits:MaxDecodedBytes", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Encode_GzipMessageThatInflatesPastTheLimit_ResourceExhausted()
    {
        var settings = MeshFixture.ServiceSettings();
        settings["Service:MaxMessageBytes"] = (256 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audio = await mesh.StartAsync(b => SegPref.AudioEncoder.Service.AudioEncoderServiceExtensions.AddAudioEncoderService(b), a => SegPref.AudioEncoder.Service.AudioEncoderServiceExtensions.MapAudioEncoderService(a), settings, MeshFixture.Models());
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(audio.Address, new Grpc.Net.Client.GrpcChannelOptions
        {
            CompressionProviders = [new Grpc.Net.Compression.GzipCompressionProvider(System.IO.Compression.CompressionLevel.Optimal)],
            MaxSendMessageSize = null,
        });

        // 8 MB of zeros gzip to about 8 KB: under the 256 KB limit on the wire, 32 times over it inflated.
        var request = new EncodeRequest { Audio = new Audio { Wav = ByteString.CopyFrom(new byte[8 * 1024 * 1024]) } };
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await new SegPref.Contracts.Audio.V1.AudioEncoder.AudioEncoderClient(channel).EncodeAsync(
            request, new Metadata { { "grpc-internal-encoding-request", "gzip" } }, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Contains("decompresses to more than 262144 bytes", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestSegment_Get_MethodNotAllowedWithAllowPost()
    {
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(mesh.Gateway.Address, "/v1/segment"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
    }

    private static byte[] ValidWithMarker(string kind)
    {
        var frame = new Image { Data = TestClip.Request(1).Frames[0].Data, Format = "MARKER" };
        IMessage message = kind switch
        {
            "caption" => new CaptionRequest { Images = { frame } },
            "extract" => new ExtractRequest { Descriptions = { "a MARKER on a table" } },
            "segment" => new SegmentRequest { Frames = { frame }, AudioEmbeddings = Tensor.FromFloats(new float[1, 128]) },
            _ => new PipelineRequest { Frames = { frame }, Audio = TestClip.Request(1).Audio },
        };
        return message.ToByteArray();
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i <= haystack.Length - needle.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        throw new InvalidOperationException("marker not found");
    }
}

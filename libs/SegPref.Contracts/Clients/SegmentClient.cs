using Google.Protobuf;
using Grpc.Net.Client;
using SegPref.Contracts.Common.V1;
using SegPref.Contracts.Segmentation.V1;

namespace SegPref.Contracts.Clients;

/// <summary>
/// Calls Pipeline.Segment through the gateway (or a segmentation service) over gRPC. An http:// address works: the
/// client speaks HTTP/2 with prior knowledge (h2c), which the gateway detects on its single port.
/// </summary>
public sealed class SegmentClient : IDisposable
{
    /// <summary>Default largest message in either direction (frames and masks are megabytes; gRPC's default is 4 MB).</summary>
    public const int DefaultMaxMessageBytes = 64 * 1024 * 1024;

    private readonly GrpcChannel _channel;
    private readonly Pipeline.PipelineClient _client;
    private readonly Grpc.Core.Metadata? _headers;

    /// <summary>Opens a channel to <paramref name="address"/>.</summary>
    /// <param name="address">The gateway, e.g. http://127.0.0.1:8080.</param>
    /// <param name="maxMessageBytes">Largest message sent or received.</param>
    /// <param name="apiKey">Sent as x-api-key when the gateway requires keys.</param>
    public SegmentClient(Uri address, int maxMessageBytes = DefaultMaxMessageBytes, string? apiKey = null)
    {
        _headers = string.IsNullOrEmpty(apiKey) ? null : new Grpc.Core.Metadata { { "x-api-key", apiKey } };
        ArgumentNullException.ThrowIfNull(address);
        _channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            MaxReceiveMessageSize = maxMessageBytes,
            MaxSendMessageSize = maxMessageBytes,
        });
        _client = new Pipeline.PipelineClient(_channel);
    }

    /// <summary>Builds the request for one clip from encoded frames (PNG/JPEG) and a WAV file's bytes.</summary>
    /// <exception cref="ArgumentException">No frames, an empty frame, or empty audio.</exception>
    public static PipelineRequest BuildRequest(IReadOnlyList<byte[]> frames, byte[] wav, SegmentClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(wav);
        ArgumentNullException.ThrowIfNull(options);
        if (frames.Count == 0 || frames.Any(f => f is null || f.Length == 0))
        {
            throw new ArgumentException("A clip needs at least one frame, and no frame may be empty.", nameof(frames));
        }

        if (wav.Length == 0)
        {
            throw new ArgumentException("The audio is empty.", nameof(wav));
        }

        var request = new PipelineRequest
        {
            Audio = new Common.V1.Audio { Wav = ByteString.CopyFrom(wav) },
            AudioReliance = options.AudioReliance,
            IncludeProbability = options.IncludeProbability,
        };
        request.Frames.AddRange(frames.Select(f => new Image { Data = ByteString.CopyFrom(f), Format = SniffFormat(f) }));
        return request;
    }

    /// <summary>Segments one clip.</summary>
    /// <exception cref="Grpc.Core.RpcException">The pipeline's status (INVALID_ARGUMENT, UNAVAILABLE naming a stage, DEADLINE_EXCEEDED...).</exception>
    public async Task<PipelineResponse> SegmentAsync(PipelineRequest request, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await _client.SegmentAsync(request, _headers, DateTime.UtcNow.Add(timeout), ct);
    }

    /// <summary>What the pipeline serves: its segmenters with their frame sizes, the training window and the request limits.</summary>
    /// <exception cref="Grpc.Core.RpcException">UNAUTHENTICATED without a valid key, UNAVAILABLE when nothing answers, ...</exception>
    public async Task<DescribeResponse> DescribeAsync(TimeSpan timeout, CancellationToken ct) =>
        await _client.DescribeAsync(new DescribeRequest(), _headers, DateTime.UtcNow.Add(timeout), ct);

    /// <summary>Segments one clip given as encoded frames and WAV bytes.</summary>
    public Task<PipelineResponse> SegmentAsync(IReadOnlyList<byte[]> frames, byte[] wav, SegmentClientOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        return SegmentAsync(BuildRequest(frames, wav, options), options.Timeout, ct);
    }

    /// <inheritdoc/>
    public void Dispose() => _channel.Dispose();

    private static string SniffFormat(byte[] bytes) =>
        bytes.Length >= 4 && bytes[0] == 0x89 && bytes[1] == (byte)'P' ? "png"
        : bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xD8 ? "jpeg"
        : string.Empty;
}

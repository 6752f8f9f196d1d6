using Grpc.Core;
using SegPref.Contracts.Audio.V1;

namespace SegPref.AudioEncoder.Service.Grpc;

/// <summary>segpref.audio.v1.AudioEncoder over gRPC.</summary>
internal sealed class AudioEncoderGrpcService(EncodeHandler handler) : Contracts.Audio.V1.AudioEncoder.AudioEncoderBase
{
    public override Task<EncodeResponse> Encode(EncodeRequest request, ServerCallContext context) =>
        handler.EncodeAsync(request, context.CancellationToken);
}

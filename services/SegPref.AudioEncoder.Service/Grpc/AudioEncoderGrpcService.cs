using Grpc.Core;
using SegPref.Contracts.Audio.V1;
using SegPref.ServiceDefaults.Errors;

namespace SegPref.AudioEncoder.Service.Grpc;

/// <summary>segpref.audio.v1.AudioEncoder over gRPC.</summary>
[BindServiceMethod(typeof(AudioEncoderGrpcService), nameof(BindService))]
internal sealed class AudioEncoderGrpcService(EncodeHandler handler) : Contracts.Audio.V1.AudioEncoder.AudioEncoderBase
{
    /// <summary>The generated descriptor (JSON transcoding and reflection look it up on the bind type).</summary>
    public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor => Contracts.Audio.V1.AudioEncoder.Descriptor;

    /// <summary>Binds the generated methods with request deserializers that answer INVALID_ARGUMENT for bad bytes.</summary>
    public static void BindService(ServiceBinderBase binder, Contracts.Audio.V1.AudioEncoder.AudioEncoderBase service) =>
        Contracts.Audio.V1.AudioEncoder.BindService(new RequestGuardBinder(binder), service);

    public override Task<EncodeResponse> Encode(EncodeRequest request, ServerCallContext context) =>
        handler.EncodeAsync(request, context.CancellationToken);
}

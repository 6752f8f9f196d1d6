using Grpc.Core;
using SegPref.Contracts.Captioner.V1;
using SegPref.ServiceDefaults.Errors;

namespace SegPref.Captioner.Service.Grpc;

/// <summary>segpref.captioner.v1.Captioner over gRPC.</summary>
[BindServiceMethod(typeof(CaptionerGrpcService), nameof(BindService))]
internal sealed class CaptionerGrpcService(CaptionHandler handler) : Contracts.Captioner.V1.Captioner.CaptionerBase
{
    /// <summary>The generated descriptor (JSON transcoding and reflection look it up on the bind type).</summary>
    public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor => Contracts.Captioner.V1.Captioner.Descriptor;

    /// <summary>Binds the generated methods with request deserializers that answer INVALID_ARGUMENT for bad bytes.</summary>
    public static void BindService(ServiceBinderBase binder, Contracts.Captioner.V1.Captioner.CaptionerBase service) =>
        Contracts.Captioner.V1.Captioner.BindService(new RequestGuardBinder(binder), service);

    public override Task<CaptionResponse> Caption(CaptionRequest request, ServerCallContext context) =>
        handler.CaptionAsync(request, context.CancellationToken);
}

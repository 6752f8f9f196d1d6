using Grpc.Core;
using SegPref.Contracts.TextCues.V1;
using SegPref.ServiceDefaults.Errors;

namespace SegPref.TextCues.Service.Grpc;

/// <summary>segpref.textcues.v1.TextCues over gRPC.</summary>
[BindServiceMethod(typeof(TextCuesGrpcService), nameof(BindService))]
internal sealed class TextCuesGrpcService(ExtractHandler handler) : Contracts.TextCues.V1.TextCues.TextCuesBase
{
    /// <summary>The generated descriptor (JSON transcoding and reflection look it up on the bind type).</summary>
    public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor => Contracts.TextCues.V1.TextCues.Descriptor;

    /// <summary>Binds the generated methods with request deserializers that answer INVALID_ARGUMENT for bad bytes.</summary>
    public static void BindService(ServiceBinderBase binder, Contracts.TextCues.V1.TextCues.TextCuesBase service) =>
        Contracts.TextCues.V1.TextCues.BindService(new RequestGuardBinder(binder), service);

    public override Task<ExtractResponse> Extract(ExtractRequest request, ServerCallContext context) =>
        handler.ExtractAsync(request, context.CancellationToken);
}

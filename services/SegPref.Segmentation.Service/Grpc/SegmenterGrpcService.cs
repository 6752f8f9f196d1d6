using Grpc.Core;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Segmentation.Service.Segmenting;
using SegPref.ServiceDefaults.Errors;

namespace SegPref.Segmentation.Service.Grpc;

/// <summary>segpref.segmentation.v1.Segmenter over gRPC.</summary>
[BindServiceMethod(typeof(SegmenterGrpcService), nameof(BindService))]
internal sealed class SegmenterGrpcService(SegmentHandler handler) : Segmenter.SegmenterBase
{
    /// <summary>The generated descriptor (JSON transcoding and reflection look it up on the bind type).</summary>
    public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor => Segmenter.Descriptor;

    /// <summary>Binds the generated methods with request deserializers that answer INVALID_ARGUMENT for bad bytes.</summary>
    public static void BindService(ServiceBinderBase binder, Segmenter.SegmenterBase service) =>
        Segmenter.BindService(new RequestGuardBinder(binder), service);

    public override Task<SegmentResponse> Segment(SegmentRequest request, ServerCallContext context) =>
        handler.SegmentAsync(request, context.CancellationToken);
}

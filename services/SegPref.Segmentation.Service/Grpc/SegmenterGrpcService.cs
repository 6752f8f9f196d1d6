using Grpc.Core;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Segmentation.Service.Segmenting;

namespace SegPref.Segmentation.Service.Grpc;

/// <summary>segpref.segmentation.v1.Segmenter over gRPC.</summary>
internal sealed class SegmenterGrpcService(SegmentHandler handler) : Segmenter.SegmenterBase
{
    public override Task<SegmentResponse> Segment(SegmentRequest request, ServerCallContext context) =>
        handler.SegmentAsync(request, context.CancellationToken);
}

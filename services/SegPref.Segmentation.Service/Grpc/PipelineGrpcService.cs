using Grpc.Core;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Segmentation.Service.Pipeline;

namespace SegPref.Segmentation.Service.Grpc;

/// <summary>segpref.segmentation.v1.Pipeline over gRPC (and POST /v1/segment through JSON transcoding).</summary>
internal sealed class PipelineGrpcService(PipelineRunner runner) : Contracts.Segmentation.V1.Pipeline.PipelineBase
{
    public override Task<PipelineResponse> Segment(PipelineRequest request, ServerCallContext context) =>
        runner.RunAsync(request, context.Deadline, context.CancellationToken);
}

using Grpc.Core;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Segmentation.Service.Pipeline;
using SegPref.ServiceDefaults.Errors;

namespace SegPref.Segmentation.Service.Grpc;

/// <summary>segpref.segmentation.v1.Pipeline over gRPC (and POST /v1/segment, GET /v1/models through JSON transcoding).</summary>
[BindServiceMethod(typeof(PipelineGrpcService), nameof(BindService))]
internal sealed class PipelineGrpcService(PipelineRunner runner, PipelineDescriber describer) : Contracts.Segmentation.V1.Pipeline.PipelineBase
{
    /// <summary>The generated descriptor (JSON transcoding and reflection look it up on the bind type).</summary>
    public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor => Contracts.Segmentation.V1.Pipeline.Descriptor;

    /// <summary>Binds the generated methods with request deserializers that answer INVALID_ARGUMENT for bad bytes.</summary>
    public static void BindService(ServiceBinderBase binder, Contracts.Segmentation.V1.Pipeline.PipelineBase service) =>
        Contracts.Segmentation.V1.Pipeline.BindService(new RequestGuardBinder(binder), service);

    public override Task<PipelineResponse> Segment(PipelineRequest request, ServerCallContext context) =>
        runner.RunAsync(request, context.Deadline, context.CancellationToken);

    public override Task<DescribeResponse> Describe(DescribeRequest request, ServerCallContext context) =>
        Task.FromResult(describer.Describe());
}

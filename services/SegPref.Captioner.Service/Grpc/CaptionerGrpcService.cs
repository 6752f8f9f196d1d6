using Grpc.Core;
using SegPref.Contracts.Captioner.V1;

namespace SegPref.Captioner.Service.Grpc;

/// <summary>segpref.captioner.v1.Captioner over gRPC.</summary>
internal sealed class CaptionerGrpcService(CaptionHandler handler) : Contracts.Captioner.V1.Captioner.CaptionerBase
{
    public override Task<CaptionResponse> Caption(CaptionRequest request, ServerCallContext context) =>
        handler.CaptionAsync(request, context.CancellationToken);
}

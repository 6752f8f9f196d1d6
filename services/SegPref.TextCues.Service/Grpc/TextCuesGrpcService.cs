using Grpc.Core;
using SegPref.Contracts.TextCues.V1;

namespace SegPref.TextCues.Service.Grpc;

/// <summary>segpref.textcues.v1.TextCues over gRPC.</summary>
internal sealed class TextCuesGrpcService(ExtractHandler handler) : Contracts.TextCues.V1.TextCues.TextCuesBase
{
    public override Task<ExtractResponse> Extract(ExtractRequest request, ServerCallContext context) =>
        handler.ExtractAsync(request, context.CancellationToken);
}

using SegPref.Contracts.Audio.V1;
using SegPref.Contracts.Captioner.V1;
using SegPref.Contracts.TextCues.V1;

namespace SegPref.Segmentation.Service.Pipeline;

/// <summary>
/// The three stages the pipeline calls: over gRPC in the mesh (<see cref="GrpcPipelineStages"/>), or in process for
/// comparisons and benchmarks. Failures surface as RpcException naming the stage.
/// </summary>
public interface IPipelineStages
{
    Task<CaptionResponse> CaptionAsync(CaptionRequest request, DateTime deadline, CancellationToken ct);

    Task<ExtractResponse> ExtractCuesAsync(ExtractRequest request, DateTime deadline, CancellationToken ct);

    Task<EncodeResponse> EncodeAudioAsync(EncodeRequest request, DateTime deadline, CancellationToken ct);
}

using SegPref.Contracts.Audio.V1;
using SegPref.Contracts.Captioner.V1;
using SegPref.Contracts.TextCues.V1;

namespace SegPref.Segmentation.Service.Pipeline;

/// <summary>The stages as gRPC services (h2c), each behind its circuit; W3C trace context rides the gRPC metadata.</summary>
public sealed class GrpcPipelineStages(
    Contracts.Captioner.V1.Captioner.CaptionerClient captioner,
    Contracts.TextCues.V1.TextCues.TextCuesClient textCues,
    Contracts.Audio.V1.AudioEncoder.AudioEncoderClient audio,
    StageHealth health) : IPipelineStages
{
    public Task<CaptionResponse> CaptionAsync(CaptionRequest request, DateTime deadline, CancellationToken ct) =>
        StageCall.RunAsync(PipelineStageNames.Captioner, health.Breakers[PipelineStageNames.Captioner], async () => await captioner.CaptionAsync(request, deadline: deadline, cancellationToken: ct), ct);

    public Task<ExtractResponse> ExtractCuesAsync(ExtractRequest request, DateTime deadline, CancellationToken ct) =>
        StageCall.RunAsync(PipelineStageNames.TextCues, health.Breakers[PipelineStageNames.TextCues], async () => await textCues.ExtractAsync(request, deadline: deadline, cancellationToken: ct), ct);

    public Task<EncodeResponse> EncodeAudioAsync(EncodeRequest request, DateTime deadline, CancellationToken ct) =>
        StageCall.RunAsync(PipelineStageNames.AudioEncoder, health.Breakers[PipelineStageNames.AudioEncoder], async () => await audio.EncodeAsync(request, deadline: deadline, cancellationToken: ct), ct);
}

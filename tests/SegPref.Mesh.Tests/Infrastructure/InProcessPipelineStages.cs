using Microsoft.Extensions.Options;
using SegPref.AudioEncoder.Service;
using SegPref.Captioner.Service;
using SegPref.Contracts.Audio.V1;
using SegPref.Contracts.Captioner.V1;
using SegPref.Contracts.TextCues.V1;
using SegPref.Cues;
using SegPref.Inference.Abstractions;
using SegPref.Segmentation.Service.Pipeline;
using SegPref.Segmentation.Service.Segmenting;
using SegPref.ServiceDefaults.Inputs;
using SegPref.ServiceDefaults.Models;
using SegPref.TextCues.Service;

namespace SegPref.Mesh.Tests.Infrastructure;

/// <summary>The pipeline's three stages as direct calls into the same handlers the services run (no sockets).</summary>
internal sealed class InProcessPipelineStages(CaptionHandler captioner, ExtractHandler textCues, EncodeHandler audio) : IPipelineStages
{
    public Task<CaptionResponse> CaptionAsync(CaptionRequest request, DateTime deadline, CancellationToken ct) => captioner.CaptionAsync(request, ct);

    public Task<ExtractResponse> ExtractCuesAsync(ExtractRequest request, DateTime deadline, CancellationToken ct) => textCues.ExtractAsync(request, ct);

    public Task<EncodeResponse> EncodeAudioAsync(EncodeRequest request, DateTime deadline, CancellationToken ct) => audio.EncodeAsync(request, ct);

    /// <summary>The whole pipeline in process over the given models (what the mesh result is compared with).</summary>
    public static PipelineRunner Runner(IImageCaptioner captionModel, ICueEmbedder cueModel, IAudioEmbedder audioModel, IMaskSegmenter segmenter, int cueWidth)
    {
        var limits = Options.Create(new InputLimitsOptions());
        var stages = new InProcessPipelineStages(
            new CaptionHandler(new ModelGate<IImageCaptioner>(captionModel), new CaptionCache(Options.Create(new CaptionerOptions())), limits),
            new ExtractHandler(new ModelGate<ITextCueExtractor>(TextCueExtractorFactory.Create(new TextCueOptions())), new ModelGate<ICueEmbedder>(cueModel), limits, Options.Create(new TextCuesServiceOptions())),
            new EncodeHandler(new ModelGate<IAudioEmbedder>(audioModel), limits));
        return new PipelineRunner(
            stages,
            new SegmentationEngine(new ModelGate<IMaskSegmenter>(segmenter)),
            Options.Create(new PipelineOptions()),
            Options.Create(new SegmenterOptions { CueEmbeddingSize = cueWidth }),
            limits);
    }
}

using Microsoft.Extensions.Options;
using SegPref.AudioEncoder.Service;
using SegPref.Captioner.Service;
using SegPref.Contracts.Audio.V1;
using SegPref.Contracts.Captioner.V1;
using SegPref.Contracts.TextCues.V1;
using SegPref.Cues;
using SegPref.Inference.Abstractions;
using SegPref.Inference.Batching;
using SegPref.Inference.Repository;
using SegPref.Inference.Serving;
using SegPref.Segmentation.Service.Pipeline;
using SegPref.Segmentation.Service.Segmenting;
using SegPref.Serving.Inputs;
using SegPref.TextCues.Service;

namespace SegPref.Mesh.Tests.Infrastructure;

/// <summary>The pipeline's three stages as direct calls into the same handlers the services run (no sockets).</summary>
internal sealed class InProcessPipelineStages(CaptionHandler captioner, ExtractHandler textCues, EncodeHandler audio) : IPipelineStages
{
    public Task<CaptionResponse> CaptionAsync(CaptionRequest request, DateTime deadline, CancellationToken ct) => captioner.CaptionAsync(request, ct);

    public Task<ExtractResponse> ExtractCuesAsync(ExtractRequest request, DateTime deadline, CancellationToken ct) => textCues.ExtractAsync(request, ct);

    public Task<EncodeResponse> EncodeAudioAsync(EncodeRequest request, DateTime deadline, CancellationToken ct) => audio.EncodeAsync(request, ct);

    /// <summary>The whole pipeline in process over the given models (what the mesh result is compared with).</summary>
    public static PipelineRunner Runner(IImageCaptioner captionModel, ICueEmbedder cueModel, IAudioEmbedder audioModel, IMaskSegmenter segmenter)
    {
        var limits = Options.Create(new InputLimitsOptions());
        var inputs = new InputDecoder(limits, new DecodeBudget(limits));
        var stages = new InProcessPipelineStages(
            new CaptionHandler(Set(Batches.Captioner(captionModel, "captioner", Policy(ModelKinds.Captioner, captionModel), recordMetrics: false)), new CaptionCache(Options.Create(new CaptionerOptions())), inputs),
            new ExtractHandler(TextCueExtractorFactory.Create(new TextCueOptions()), new CueBackendFallback(null), Set(Batches.CueEncoder(cueModel, "cue-encoder", Policy(ModelKinds.CueEncoder, cueModel), recordMetrics: false)), limits, Options.Create(new TextCuesServiceOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<ExtractHandler>.Instance),
            new EncodeHandler(Set(Batches.AudioEncoder(audioModel, "audio-encoder", Policy(ModelKinds.AudioEncoder, audioModel), recordMetrics: false)), inputs));
        return new PipelineRunner(
            stages,
            new SegmentationEngine(Set(Batches.Segmenter(segmenter, "segmenter", Policy(ModelKinds.Segmenter, segmenter), recordMetrics: false))),
            new SilenceEmbeddings(stages),
            Options.Create(new PipelineOptions()),
            inputs);
    }

    private static ServingPolicy Policy(string kind, IServedModel model) => ServingPolicy.Resolve(kind, model.Config, null);

    private static ModelSet<TModel, TRequest, TResult> Set<TModel, TRequest, TResult>(BatchedModel<TModel, TRequest, TResult> model)
        where TModel : IServedModel => new(model.Identity.Name, [model], model);
}

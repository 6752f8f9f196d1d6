using System.Diagnostics;
using Grpc.Core;
using SegPref.Contracts.Captioner.V1;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Contracts.TextCues.V1;

namespace SegPref.Segmentation.Service.Pipeline;

/// <summary>The text branch (with the optional audio-only fallback).</summary>
public sealed partial class PipelineRunner
{
    private async Task<TextStageResult> RunTextAsync(PipelineRequest request, DateTime deadline, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var captionMs = 0.0;
        try
        {
            var captionRequest = new CaptionRequest();
            captionRequest.Images.AddRange(request.Frames);
            var captions = await stages.CaptionAsync(captionRequest, deadline, ct);
            captionMs = watch.Elapsed.TotalMilliseconds;
            if (captions.Descriptions.Count != request.Frames.Count)
            {
                throw new RpcException(new Status(StatusCode.Internal, $"captioner stage returned {captions.Descriptions.Count} descriptions for {request.Frames.Count} frames."));
            }

            var cueRequest = new ExtractRequest();
            cueRequest.Descriptions.AddRange(captions.Descriptions);
            var cues = await stages.ExtractCuesAsync(cueRequest, deadline, ct);
            return new TextStageResult(captions, cues, null, captionMs, watch.Elapsed.TotalMilliseconds - captionMs);
        }
        catch (RpcException ex) when (options.Value.AllowAudioOnlyFallback && !ct.IsCancellationRequested
            && ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            return new TextStageResult(null, null, $"text cues unavailable, segmented without text: {ex.Status.Detail}", captionMs, 0);
        }
    }
}

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

            // A captioner may say nothing about a frame (an image unlike anything it learned); such a frame names no cue,
            // and the text-cue service, which refuses empty descriptions from its callers, is asked only about the others.
            var described = Enumerable.Range(0, captions.Descriptions.Count).Where(t => !string.IsNullOrWhiteSpace(captions.Descriptions[t])).ToList();
            if (described.Count == 0)
            {
                return new TextStageResult(captions, null, null, captionMs, 0);
            }

            var cueRequest = new ExtractRequest();
            cueRequest.Descriptions.AddRange(described.Select(t => captions.Descriptions[t]));
            var cues = await stages.ExtractCuesAsync(cueRequest, deadline, ct);
            return new TextStageResult(captions, NoCuesWhereUndescribed(cues, described, captions.Descriptions.Count), null, captionMs, watch.Elapsed.TotalMilliseconds - captionMs);
        }
        catch (RpcException ex) when (options.Value.AllowAudioOnlyFallback && !ct.IsCancellationRequested
            && ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            return new TextStageResult(null, null, $"text cues unavailable, segmented without text: {ex.Status.Detail}", captionMs, 0);
        }
    }

    // The reply for the described frames spread over all frames: an undescribed frame gets no cues, zero embeddings of the
    // same width and every slot invalid. A reply of the wrong length is passed on as it is (StageOutputs names the defect).
    private static ExtractResponse NoCuesWhereUndescribed(ExtractResponse cues, List<int> described, int frames)
    {
        if (described.Count == frames || cues.Frames.Count != described.Count)
        {
            return cues;
        }

        var spread = new ExtractResponse { Backend = cues.Backend, Model = cues.Model };
        spread.Timings.AddRange(cues.Timings);
        var shape = cues.Frames[0].Embeddings?.Shape.ToArray() ?? [];
        var empty = new FrameCues { Embeddings = new Contracts.Common.V1.Tensor { Dtype = Contracts.Common.V1.DataType.Float32, Data = Google.Protobuf.ByteString.CopyFrom(new byte[sizeof(float) * (int)shape.Aggregate(1L, (a, b) => a * b)]) } };
        empty.Embeddings.Shape.AddRange(shape);
        empty.Valid.AddRange(Enumerable.Repeat(false, cues.Frames[0].Valid.Count));
        var next = 0;
        for (var t = 0; t < frames; t++)
        {
            spread.Frames.Add(next < described.Count && described[next] == t ? cues.Frames[next++] : empty.Clone());
        }

        return spread;
    }
}

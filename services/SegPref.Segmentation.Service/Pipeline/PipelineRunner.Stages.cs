using System.Diagnostics;
using Grpc.Core;
using SegPref.Contracts.Audio.V1;
using SegPref.Contracts.Captioner.V1;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Contracts.TextCues.V1;
using SegPref.Cues;

namespace SegPref.Segmentation.Service.Pipeline;

/// <summary>The text branch (with the optional audio-only fallback) and the checks on what the stages returned.</summary>
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

    // Cue tensors [T,4,D] and validity [T,4]; all slots invalid when the text branch degraded.
    private static (float[,,] Cues, bool[,] Valid) CueTensors(ExtractResponse? cues, int frames, int width)
    {
        if (cues is null)
        {
            return (new float[frames, CueSlots.Count, width], new bool[frames, CueSlots.Count]);
        }

        if (cues.Frames.Count != frames)
        {
            throw new RpcException(new Status(StatusCode.Internal, $"text-cues stage returned {cues.Frames.Count} frames for {frames}."));
        }

        var first = Checked(() => cues.Frames[0].Embeddings.ToFloats2D("embeddings"));
        var d = first.GetLength(1);
        var result = new float[frames, CueSlots.Count, d];
        var valid = new bool[frames, CueSlots.Count];
        for (var t = 0; t < frames; t++)
        {
            var rows = Checked(() => cues.Frames[t].Embeddings.ToFloats2D("embeddings"));
            if (rows.GetLength(0) != CueSlots.Count || rows.GetLength(1) != d || cues.Frames[t].Valid.Count != CueSlots.Count)
            {
                throw new RpcException(new Status(StatusCode.Internal, $"text-cues stage returned frame {t} with shape [{rows.GetLength(0)},{rows.GetLength(1)}] and {cues.Frames[t].Valid.Count} validity flags; expected [{CueSlots.Count},{d}] and {CueSlots.Count}."));
            }

            for (var s = 0; s < CueSlots.Count; s++)
            {
                valid[t, s] = cues.Frames[t].Valid[s];
                for (var k = 0; k < d; k++)
                {
                    result[t, s, k] = rows[s, k];
                }
            }
        }

        return (result, valid);
    }

    private static float[,] AudioRows(EncodeResponse response, int frames, string stage)
    {
        var rows = Checked(() => response.Embeddings.ToFloats2D("embeddings"));
        if (rows.GetLength(0) != frames)
        {
            throw new RpcException(new Status(StatusCode.Internal, $"{stage} stage returned {rows.GetLength(0)} embeddings for {frames} frames."));
        }

        return rows;
    }

    private static T Checked<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (ArgumentException ex)
        {
            throw new RpcException(new Status(StatusCode.Internal, $"a stage returned a malformed tensor: {ex.Message}"));
        }
    }
}

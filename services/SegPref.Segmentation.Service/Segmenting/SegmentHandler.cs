using System.Diagnostics;
using Microsoft.Extensions.Options;
using SegPref.Contracts.Common.V1;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Cues;
using SegPref.Segmentation.Service.Masks;
using SegPref.ServiceDefaults.Inputs;

namespace SegPref.Segmentation.Service.Segmenting;

/// <summary>The Segmenter RPC, independent of gRPC: check frames and tensors, segment, render masks at frame size.</summary>
public sealed class SegmentHandler(SegmentationEngine engine, IOptions<InputLimitsOptions> limits)
{
    public async Task<SegmentResponse> SegmentAsync(SegmentRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var watch = Stopwatch.StartNew();
        var frames = ImageInputs.Decode(request.Frames, limits.Value, "frames", sameSize: true);
        var audio = RequireTensor(request.AudioEmbeddings, "audio_embeddings").ToFloats2D("audio_embeddings");
        CheckRows(audio.GetLength(0), frames.Length, "audio_embeddings");
        float[,,]? cues = null;
        bool[,]? valid = null;
        if (engine.Model.UsesText)
        {
            cues = RequireTensor(request.CueEmbeddings, "cue_embeddings").ToFloats3D("cue_embeddings");
            valid = RequireTensor(request.CueValid, "cue_valid").ToBools2D("cue_valid");
            CheckRows(cues.GetLength(0), frames.Length, "cue_embeddings");
            CheckRows(valid.GetLength(0), frames.Length, "cue_valid");
            if (cues.GetLength(1) != CueSlots.Count || valid.GetLength(1) != CueSlots.Count)
            {
                throw new ArgumentException($"cue_embeddings and cue_valid need {CueSlots.Count} slots per frame, got {cues.GetLength(1)} and {valid.GetLength(1)}.", nameof(request));
            }
        }

        var decodeMs = watch.Elapsed.TotalMilliseconds;
        var logits = await engine.SegmentAsync(frames, audio, cues, valid, "segmenter.segment", ct);
        var segmentMs = watch.Elapsed.TotalMilliseconds - decodeMs;
        var response = new SegmentResponse { Model = ModelInfo.From(ModelRegistration.Role, engine.Model.Identity.Name, engine.Model.Identity.Version) };
        for (var t = 0; t < frames.Length; t++)
        {
            response.Masks.Add(MaskRenderer.Render(logits, t, frames[t].Width, frames[t].Height, request.IncludeProbability).Reply);
        }

        response.Timings.Add(new StageTiming { Stage = "decode", Milliseconds = decodeMs });
        response.Timings.Add(new StageTiming { Stage = "segment", Milliseconds = segmentMs });
        response.Timings.Add(new StageTiming { Stage = "postprocess", Milliseconds = watch.Elapsed.TotalMilliseconds - decodeMs - segmentMs });
        return response;
    }

    private static Tensor RequireTensor(Tensor? tensor, string field) =>
        tensor ?? throw new ArgumentException($"{field}: missing.", field);

    private static void CheckRows(int rows, int frames, string field)
    {
        if (rows != frames)
        {
            throw new ArgumentException($"{field}: {rows} rows for {frames} frames; they must match.", field);
        }
    }
}

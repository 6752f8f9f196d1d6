using System.Diagnostics;
using SegPref.Contracts.Common.V1;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Cues;
using SegPref.Inference.Abstractions;
using SegPref.Serving.Masks;
using SegPref.Serving.Inputs;

namespace SegPref.Segmentation.Service.Segmenting;

/// <summary>The Segmenter RPC, independent of gRPC: check frames and tensors against the chosen model, segment, render masks at frame size.</summary>
public sealed class SegmentHandler(SegmentationEngine engine, InputDecoder inputs)
{
    public async Task<SegmentResponse> SegmentAsync(SegmentRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var watch = Stopwatch.StartNew();
        var segmenter = engine.Resolve(request.Segmenter);
        var model = segmenter.Model;
        using var decoded = await inputs.DecodeImagesAsync(request.Frames, "frames", sameSize: true, ct);
        var frames = decoded.Images;
        var t = frames.Length;
        var (audio, audioShape) = RequireTensor(request.AudioEmbeddings, "audio_embeddings").ToFlatFloats("audio_embeddings", 2);
        CheckShape("audio_embeddings", audioShape, [t, model.AudioWidth]);
        RequireFinite(audio, "audio_embeddings");
        float[]? cues = null;
        bool[]? valid = null;
        if (model.UsesText)
        {
            int[] cueShape, validShape;
            (cues, cueShape) = RequireTensor(request.CueEmbeddings, "cue_embeddings").ToFlatFloats("cue_embeddings", 3);
            (valid, validShape) = RequireTensor(request.CueValid, "cue_valid").ToFlatBools("cue_valid", 2);
            CheckShape("cue_embeddings", cueShape, [t, CueSlots.Count, model.CueWidth]);
            CheckShape("cue_valid", validShape, [t, CueSlots.Count]);
            RequireFinite(cues, "cue_embeddings");
        }

        var pixels = model.PrepareFrames(frames);
        var decodeMs = watch.Elapsed.TotalMilliseconds;
        var segmented = await engine.SegmentAsync(segmenter, new SegmenterInput(t, pixels, audio, cues, valid), "segmenter.segment", ct);
        var segmentMs = watch.Elapsed.TotalMilliseconds - decodeMs;
        var response = new SegmentResponse { Model = ModelInfo.From(ModelRegistration.Role, segmenter.Identity.Name, segmenter.Identity.Version) };
        var plane = model.ImageSize * model.ImageSize;
        for (var i = 0; i < t; i++)
        {
            response.Masks.Add(MaskRenderer.Render(segmented.Value.Logits.AsSpan(i * plane, plane), model.ImageSize, frames[i].Width, frames[i].Height, request.IncludeProbability));
        }

        response.Timings.Add(new StageTiming { Stage = "decode", Milliseconds = decodeMs });
        response.Timings.Add(new StageTiming { Stage = "segment", Milliseconds = segmentMs });
        response.Timings.Add(new StageTiming { Stage = "segment.queue", Milliseconds = segmented.QueueMs });
        response.Timings.Add(new StageTiming { Stage = "segment.compute", Milliseconds = segmented.ComputeMs });
        response.Timings.Add(new StageTiming { Stage = "postprocess", Milliseconds = watch.Elapsed.TotalMilliseconds - decodeMs - segmentMs });
        return response;
    }

    private static Tensor RequireTensor(Tensor? tensor, string field) =>
        tensor ?? throw new ArgumentException($"{field}: missing.", field);

    private static void RequireFinite(float[] values, string field)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new ArgumentException($"{field}: element {i} is {values[i]}; embeddings must be finite.", field);
            }
        }
    }

    private static void CheckShape(string field, int[] actual, int[] expected)
    {
        if (!actual.SequenceEqual(expected))
        {
            throw new ArgumentException($"{field}: shape [{string.Join(",", actual)}] does not match [{string.Join(",", expected)}] (frames x the segmenter's widths).", field);
        }
    }
}

using SegPref.Contracts.Captioner.V1;
using SegPref.Contracts.Common.V1;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Contracts.TextCues.V1;
using SegPref.Inference.Abstractions;
using SegPref.Media.Imaging;
using SegPref.Serving.Masks;

namespace SegPref.Segmentation.Service.Pipeline;

/// <summary>Assembles the pipeline's reply: per-frame masks, text, audio reliance; timings and models.</summary>
internal sealed class PipelineReplyBuilder(RgbImage[] frames, bool includeProbability)
{
    private readonly PipelineResponse _response = new();

    public PipelineReplyBuilder Timing(string stage, double milliseconds)
    {
        _response.Timings.Add(new StageTiming { Stage = stage, Milliseconds = milliseconds });
        return this;
    }

    /// <summary>Per frame: the mask from its logits (row-major [T,side,side]), text, and audio reliance when given.</summary>
    public void Frames(float[] logits, int side, double[]? reliance, CaptionResponse? captions, ExtractResponse? cues)
    {
        var plane = side * side;
        for (var t = 0; t < frames.Length; t++)
        {
            var mask = MaskRenderer.Render(logits.AsSpan(t * plane, plane), side, frames[t].Width, frames[t].Height, includeProbability);
            var frame = new FrameResult { Index = t, Mask = mask, Description = captions?.Descriptions[t] ?? string.Empty };
            if (cues is not null)
            {
                frame.Cues.AddRange(cues.Frames[t].Cues);
            }

            if (reliance is not null)
            {
                frame.AudioReliance = (float)reliance[t];
            }

            _response.Frames.Add(frame);
        }
    }

    /// <summary>Adds a stage's queue and compute time from its reply's timings ("embed.queue" -> "audio.queue").</summary>
    public PipelineReplyBuilder StageSplit(string stage, IEnumerable<StageTiming>? timings, string step)
    {
        foreach (var timing in timings ?? [])
        {
            if (timing.Stage == step + ".queue" || timing.Stage == step + ".compute")
            {
                Timing(stage + timing.Stage[step.Length..], timing.Milliseconds);
            }
        }

        return this;
    }

    public void Models(ModelInfo? captioner, ModelInfo? cueEncoder, ModelInfo? audio, ModelIdentity segmenter)
    {
        foreach (var model in new[] { captioner, cueEncoder, audio })
        {
            if (model is not null)
            {
                _response.Models.Add(model);
            }
        }

        _response.Models.Add(ModelInfo.From(Service.ModelRegistration.Role, segmenter.Name, segmenter.Version));
    }

    public PipelineResponse Build(string cueBackend, string? degradedReason)
    {
        _response.CueBackend = cueBackend;
        _response.Degraded = degradedReason is not null;
        _response.DegradedReason = degradedReason ?? string.Empty;
        return _response;
    }
}

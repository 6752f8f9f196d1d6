using SegPref.Contracts.Captioner.V1;
using SegPref.Contracts.Common.V1;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Contracts.TextCues.V1;
using SegPref.Inference.Abstractions;
using SegPref.Media.Imaging;
using SegPref.Segmentation.Service.Masks;

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

    /// <summary>Audio reliance per frame = 1 - IoU(mask with the real audio, mask with silent audio).</summary>
    public void Frames(float[,,] logits, float[,,]? silentLogits, CaptionResponse? captions, ExtractResponse? cues)
    {
        for (var t = 0; t < frames.Length; t++)
        {
            var (mask, reply) = MaskRenderer.Render(logits, t, frames[t].Width, frames[t].Height, includeProbability);
            var frame = new FrameResult { Index = t, Mask = reply, Description = captions?.Descriptions[t] ?? string.Empty };
            if (cues is not null)
            {
                frame.Cues.AddRange(cues.Frames[t].Cues);
            }

            if (silentLogits is not null)
            {
                var (silentMask, _) = MaskRenderer.Render(silentLogits, t, frames[t].Width, frames[t].Height, includeProbability: false);
                frame.AudioReliance = (float)(1 - MaskRenderer.IoU(mask, silentMask));
            }

            _response.Frames.Add(frame);
        }
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

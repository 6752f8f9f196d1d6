using Microsoft.Extensions.Options;
using SegPref.Contracts.Common.V1;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Media.Audio;
using SegPref.Segmentation.Service.Segmenting;
using SegPref.Serving.Inputs;

namespace SegPref.Segmentation.Service.Pipeline;

/// <summary>Pipeline.Describe: the served segmenters with their frame sizes, the training window and the request limits.</summary>
public sealed class PipelineDescriber(SegmentationEngine engine, IOptions<PipelineOptions> pipeline, IOptions<InputLimitsOptions> limits)
{
    public DescribeResponse Describe()
    {
        var reply = new DescribeResponse
        {
            WindowFrames = pipeline.Value.WindowFrames,
            MaxFrames = limits.Value.MaxFrames,
            MaxAudioSeconds = limits.Value.MaxAudioSeconds,
            AudioSampleRateHz = VggishLogMel.SampleRateHz,
        };
        var first = true;
        foreach (var served in engine.Served)
        {
            reply.Segmenters.Add(new SegmenterDescription
            {
                Model = ModelInfo.From(ModelRegistration.Role, served.Identity.Name, served.Identity.Version),
                ImageSize = served.Model.ImageSize,
                IsDefault = first,
                UsesText = served.Model.UsesText,
                ReportsAudioSupport = served.Model.ReportsAudioSupport,
            });
            first = false;
        }

        return reply;
    }
}

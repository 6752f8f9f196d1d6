using System.Diagnostics;
using SegPref.Inference.Abstractions;
using SegPref.Media.Imaging;
using SegPref.ServiceDefaults.Models;

namespace SegPref.Segmentation.Service.Segmenting;

/// <summary>Runs the segmenter (serialised) for the Segmenter RPC and the Pipeline alike.</summary>
public sealed class SegmentationEngine(ModelGate<IMaskSegmenter> model)
{
    internal static readonly ActivitySource Source = new("SegPref.Segmentation");

    public IMaskSegmenter Model => model.Model;

    /// <summary>Logits [T,S,S] for T frames.</summary>
    public async Task<float[,,]> SegmentAsync(RgbImage[] frames, float[,] audio, float[,,]? cues, bool[,]? valid, string spanName, CancellationToken ct)
    {
        using var activity = Source.StartActivity(spanName);
        activity?.SetTag("segpref.frames", frames.Length);
        var logits = await model.RunAsync(m => m.Segment(frames, audio, m.UsesText ? cues : null, m.UsesText ? valid : null), ct);
        if (logits.GetLength(0) != frames.Length)
        {
            throw new InvalidOperationException($"The segmenter returned {logits.GetLength(0)} maps for {frames.Length} frames.");
        }

        return logits;
    }
}

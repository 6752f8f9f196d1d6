using SegPref.Inference.Abstractions;
using SegPref.Media.Masks;
using SegPref.Models.Segmentation.Training;

namespace SegPref.Cli.Commands;

/// <summary>Runs a served segmenter (ONNX Runtime) on rows of a split, with the same frames, audio and cue inputs the TorchSharp evaluation uses.</summary>
internal static class OnnxSplitPredictor
{
    public static Func<int[], float[][]> Create(IMaskSegmenter segmenter, SegmentationSplit split) => rows =>
    {
        var frames = rows.Select(r => SegmentationFeatures.Image(split.Frames, r)).ToList();
        var n = rows.Length;
        var audio = new float[n * split.AudioDim];
        var slots = split.Cues.Valid.Length / split.Count;
        var cues = new float[n * slots * split.Cues.Dim];
        var valid = new bool[n * slots];
        for (var i = 0; i < n; i++)
        {
            split.Audio.AsSpan(rows[i] * split.AudioDim, split.AudioDim).CopyTo(audio.AsSpan(i * split.AudioDim));
            split.Cues.Vectors.AsSpan(rows[i] * slots * split.Cues.Dim, slots * split.Cues.Dim).CopyTo(cues.AsSpan(i * slots * split.Cues.Dim));
            split.Cues.Valid.AsSpan(rows[i] * slots, slots).CopyTo(valid.AsSpan(i * slots));
        }

        var logits = segmenter.Segment(new SegmenterInput(n, segmenter.PrepareFrames(frames), audio, segmenter.UsesText ? cues : null, segmenter.UsesText ? valid : null)).Logits;
        var plane = segmenter.ImageSize * segmenter.ImageSize;
        return [.. rows.Select((_, i) => logits.AsSpan(i * plane, plane).ToArray().Select(ProbabilityMap.Sigmoid).ToArray())];
    };
}

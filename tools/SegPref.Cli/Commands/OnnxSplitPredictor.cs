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
        var audio = new float[rows.Length, split.AudioDim];
        var slots = split.Cues.Valid.Length / split.Count;
        var cues = new float[rows.Length, slots, split.Cues.Dim];
        var valid = new bool[rows.Length, slots];
        for (var i = 0; i < rows.Length; i++)
        {
            Buffer.BlockCopy(split.Audio, rows[i] * split.AudioDim * sizeof(float), audio, i * split.AudioDim * sizeof(float), split.AudioDim * sizeof(float));
            Buffer.BlockCopy(split.Cues.Vectors, rows[i] * slots * split.Cues.Dim * sizeof(float), cues, i * slots * split.Cues.Dim * sizeof(float), slots * split.Cues.Dim * sizeof(float));
            for (var s = 0; s < slots; s++)
            {
                valid[i, s] = split.Cues.Valid[(rows[i] * slots) + s];
            }
        }

        var logits = segmenter.Segment(frames, audio, segmenter.UsesText ? cues : null, segmenter.UsesText ? valid : null);
        var side = logits.GetLength(1) * logits.GetLength(2);
        var flat = new float[logits.Length];
        Buffer.BlockCopy(logits, 0, flat, 0, flat.Length * sizeof(float));
        return [.. rows.Select((_, i) => flat.AsSpan(i * side, side).ToArray().Select(ProbabilityMap.Sigmoid).ToArray())];
    };
}

using SegPref.Inference.Abstractions;
using SegPref.Media.Masks;
using SegPref.Models.Segmentation.Training;

namespace SegPref.Cli.Commands;

/// <summary>
/// Runs a served segmenter (ONNX Runtime) on rows of a split, with the same frames, audio and cue inputs the TorchSharp
/// evaluation uses. The audio reliance is the served one: TeSO's audio support output, or for a graph without it the
/// counterfactual share against a second pass on <c>silence</c> (the run's audio encoder's embedding of digital silence),
/// as the TorchSharp evaluation computes it; none without <c>silence</c>.
/// </summary>
internal static class OnnxSplitPredictor
{
    public static Func<int[], SplitPrediction> Create(IMaskSegmenter segmenter, SegmentationSplit split, float[]? silence = null) => rows =>
    {
        var frames = segmenter.PrepareFrames([.. rows.Select(r => SegmentationFeatures.Image(split.Frames, r))]);
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

        var output = segmenter.Segment(new SegmenterInput(n, frames, audio, segmenter.UsesText ? cues : null, segmenter.UsesText ? valid : null));
        var probs = Probabilities(output.Logits, n, segmenter.ImageSize);
        IReadOnlyList<double>? reliance = null;
        if (output.AudioSupport is { } support)
        {
            reliance = [.. support.Select(s => AudioReliance.FromSupport(s))];
        }
        else if (silence is not null)
        {
            if (silence.Length != split.AudioDim)
            {
                throw new ArgumentException($"The silence embedding has {silence.Length} values; the split's audio rows have {split.AudioDim}.", nameof(silence));
            }

            var silent = new float[n * split.AudioDim];
            for (var i = 0; i < n; i++)
            {
                silence.CopyTo(silent.AsSpan(i * split.AudioDim));
            }

            var counterfactual = Probabilities(segmenter.Segment(new SegmenterInput(n, frames, silent, segmenter.UsesText ? cues : null, segmenter.UsesText ? valid : null)).Logits, n, segmenter.ImageSize);
            reliance = [.. probs.Select((p, i) => AudioReliance.FromCounterfactual(p, counterfactual[i]))];
        }

        return new SplitPrediction(probs, reliance);
    };

    private static float[][] Probabilities(float[] logits, int frames, int side)
    {
        var plane = side * side;
        return [.. Enumerable.Range(0, frames).Select(i => logits.AsSpan(i * plane, plane).ToArray().Select(ProbabilityMap.Sigmoid).ToArray())];
    }
}

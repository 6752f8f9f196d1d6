using SegPref.Inference.Abstractions;
using SegPref.Media.Masks;
using SegPref.Models.Segmentation.Training;
using SegPref.Serving.Reliance;

namespace SegPref.Cli.Commands;

/// <summary>
/// Runs a served segmenter (ONNX Runtime) on rows of a split, with the same frames, audio and cue inputs the TorchSharp
/// evaluation uses. The audio reliance is computed as the segmentation service computes it: TeSO's audio support output,
/// or for a graph without it one call on the frames twice, first with their audio and then with <c>silence</c> (the run's
/// audio encoder's features of digital silence), read by <see cref="CounterfactualReliance"/>; none without <c>silence</c>.
/// </summary>
internal static class OnnxSplitPredictor
{
    public static Func<int[], SplitPrediction> Create(IMaskSegmenter segmenter, SegmentationSplit split, float[]? silence = null)
    {
        if (silence is not null && silence.Length != split.AudioDim)
        {
            throw new ArgumentException($"The silence embedding has {silence.Length} values; the split's audio rows have {split.AudioDim}.", nameof(silence));
        }

        return rows =>
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

            var plane = segmenter.ImageSize * segmenter.ImageSize;
            var counterfactual = !segmenter.ReportsAudioSupport && silence is not null;
            var output = counterfactual
                ? segmenter.Segment(new SegmenterInput(
                    2 * n, [.. frames, .. frames], [.. audio, .. Enumerable.Range(0, n).SelectMany(_ => silence!)],
                    segmenter.UsesText ? [.. cues, .. cues] : null, segmenter.UsesText ? [.. valid, .. valid] : null))
                : segmenter.Segment(new SegmenterInput(n, frames, audio, segmenter.UsesText ? cues : null, segmenter.UsesText ? valid : null));
            var probs = Enumerable.Range(0, n).Select(i => output.Logits.AsSpan(i * plane, plane).ToArray().Select(ProbabilityMap.Sigmoid).ToArray()).ToArray();
            IReadOnlyList<double>? reliance = counterfactual
                ? CounterfactualReliance.FromLogits(output.Logits, n, plane)
                : output.AudioSupport?.Select(s => AudioReliance.FromSupport(s)).ToArray();
            return new SplitPrediction(probs, reliance);
        };
    }
}

using SegPref.Avs.Metrics;
using SegPref.Media.Masks;
using static TorchSharp.torch;

namespace SegPref.Models.Segmentation.Training;

/// <summary>Runs a segmenter over a split (eval mode, no gradients) and scores it with the official metrics.</summary>
public static class SegmentationEvaluator
{
    /// <summary>
    /// Scores <paramref name="model"/> on <paramref name="split"/>. <paramref name="onFrame"/> (optional) receives each
    /// frame's row and foreground probabilities [S*S] (for saving masks and figures). With <paramref name="silence"/>
    /// (the frozen audio encoder's embedding of digital silence) the scores carry the per-frame audio reliance: TeSO's
    /// audio support, or for a model without SeDAM the counterfactual share against a second pass on silent audio.
    /// <paramref name="onSlots"/> (optional, TeSO only) receives each frame's row and the soft keep of every SeDAM slot
    /// (the text cue slots, then the open cue when the model has one).
    /// </summary>
    public static SegmentationScores Evaluate(
        Segmenter model, SegmentationSplit split, int batchSize = 32, Action<int, float[]>? onFrame = null, IProgress<int>? progress = null,
        float[]? silence = null, Action<int, float[]>? onSlots = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var pixels = split.Frames.MaskLength;
        long validCues = 0, keptCues = 0, silentFrames = 0;
        var isTeso = model is TesoSegmenter;
        var reliance = silence is null ? null : new double[split.Count];
        model.eval();
        float[][] probs;
        using (no_grad())
        {
            probs = Predict(split, rows =>
            {
                using var scope = NewDisposeScope();
                var (input, _) = split.Batch(rows);
                var output = model.call(input);
                if (isTeso && output.Sedam is { } sedam)
                {
                    validCues += input.CueValid!.to(ScalarType.Bool).sum().item<long>();
                    keptCues += sedam.Keep.narrow(1, 0, model.Options.CueSlots).sum().item<long>();
                    silentFrames += (output.FrameGate < 0.5).sum().item<long>();
                    if (onSlots is not null && sedam.SlotSupport is { } slots)
                    {
                        var width = (int)slots.shape[1];
                        var flatSlots = slots.data<float>().ToArray();
                        for (var i = 0; i < rows.Length; i++)
                        {
                            onSlots(rows[i], flatSlots.AsSpan(i * width, width).ToArray());
                        }
                    }
                }

                var flat = output.MapLogits.sigmoid().reshape(rows.Length, pixels).data<float>().ToArray();
                if (reliance is not null)
                {
                    Reliance(model, input, output, flat, silence!, pixels).CopyTo(reliance, rows[0]);
                }

                return [.. rows.Select((_, i) => flat.AsSpan(i * pixels, pixels).ToArray())];
            }, batchSize, onFrame, progress);
        }

        var (miou, f, nullS) = Score(split, probs);
        return new SegmentationScores(
            miou, f, nullS, split.Count,
            isTeso ? (validCues == 0 ? 0 : (double)keptCues / validCues) : null,
            isTeso ? (double)silentFrames / split.Count : null)
        { Reliance = reliance };
    }

    // TeSO reports its audio support; any other model is compared with a pass on silent audio (same frames and cues).
    private static double[] Reliance(Segmenter model, SegmentationInput input, SegmentationOutput output, float[] probs, float[] silence, int pixels)
    {
        var b = (int)input.Frames.shape[0];
        if (output.Sedam is { } sedam)
        {
            return [.. sedam.Support.data<float>().ToArray().Select(s => AudioReliance.FromSupport(s))];
        }

        var silent = tensor(silence, [1, silence.Length]).expand(b, silence.Length).contiguous();
        var counterfactual = model.call(input with { Audio = silent }).MapLogits.sigmoid().reshape(b, pixels).data<float>().ToArray();
        return [.. Enumerable.Range(0, b).Select(i => AudioReliance.FromCounterfactual(probs.AsSpan(i * pixels, pixels), counterfactual.AsSpan(i * pixels, pixels)))];
    }

    /// <summary>
    /// Scores any predictor (e.g. an ONNX Runtime session) on <paramref name="split"/>: <paramref name="predict"/> maps a
    /// batch of rows to their foreground probabilities [S*S] each and, optionally, their audio reliance; the scores carry
    /// the reliance when every batch returns it.
    /// </summary>
    public static SegmentationScores EvaluateWith(
        SegmentationSplit split, Func<int[], SplitPrediction> predict, int batchSize = 32, Action<int, float[]>? onFrame = null)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(predict);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var reliance = new double[split.Count];
        var complete = true;
        var probs = Predict(split, rows =>
        {
            var batch = predict(rows);
            if (batch.Reliance is { } r && r.Count == rows.Length)
            {
                for (var i = 0; i < rows.Length; i++)
                {
                    reliance[rows[i]] = r[i];
                }
            }
            else
            {
                complete = false;
            }

            return batch.Probabilities;
        }, batchSize, onFrame, progress: null);
        var (miou, f, nullS) = Score(split, probs);
        return new SegmentationScores(miou, f, nullS, split.Count, null, null) { Reliance = complete ? reliance : null };
    }

    // Batches the rows of the split in order, hands each frame's probabilities to onFrame, and keeps them for scoring.
    private static float[][] Predict(SegmentationSplit split, Func<int[], float[][]> predict, int batchSize, Action<int, float[]>? onFrame, IProgress<int>? progress)
    {
        var probs = new float[split.Count][];
        for (var start = 0; start < split.Count; start += batchSize)
        {
            var rows = Enumerable.Range(start, Math.Min(batchSize, split.Count - start)).ToArray();
            var batch = predict(rows);
            for (var i = 0; i < rows.Length; i++)
            {
                probs[rows[i]] = batch[i];
                onFrame?.Invoke(rows[i], batch[i]);
            }

            progress?.Report(start + rows.Length);
        }

        return probs;
    }

    private static (double MIoU, double F, double NullS) Score(SegmentationSplit split, float[][] probs)
    {
        var pixels = split.Frames.MaskLength;
        var metrics = new BinaryMetricsAccumulator();
        metrics.AddClips(split.Frames.Clips.Select(c => (IReadOnlyList<(float[], byte[])>)Enumerable.Range(c.Start, c.Count)
            .Select(r => (probs[r], split.Frames.Masks.AsSpan(r * pixels, pixels).ToArray()))
            .ToList()));
        var nulls = new NullScoreAccumulator();
        foreach (var p in probs)
        {
            nulls.AddFrame(p);
        }

        var result = metrics.Result;
        return (result.MIoU, result.FScore, nulls.Result);
    }
}

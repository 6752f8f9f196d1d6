using SegPref.Avs.Avss;

namespace SegPref.Avs.Metrics;

/// <summary>
/// The official AVSS semantic metrics (calc_color_miou_fscore), accumulated frame by frame over a
/// whole run. For class c and frame f with I = |pred = c and gt = c|, Np = |pred = c|, Ng = |gt = c|,
/// U = Np + Ng - I:
/// IoU_c = sum_f (I / U) / n_c and F_c = sum_f F(I, Np, Ng) / n_c, where n_c counts the frames with U &gt; 0
/// and F = (1 + 0.3) P R / (0.3 P + R) with P = I / Np, R = I / Ng, NaN -> 0 (so 0 whenever I = 0).
/// That is a mean of per-frame scores, not pooled intersections over pooled unions. A class with
/// n_c = 0 scores 0 (the official NaN -> 0), and mIoU / F are plain means over all 71 classes.
/// </summary>
/// <remarks>The official IoU adds 2.2e-16 to U; U &gt;= 1 wherever it counts, so the exact ratio is used. Not thread-safe.</remarks>
public sealed class AvssMetricsAccumulator
{
    private const int Classes = 71;
    private readonly double[] _iouSum = new double[Classes];
    private readonly double[] _fSum = new double[Classes];
    private readonly int[] _count = new int[Classes];
    private int _frames;

    /// <summary>Adds one frame.</summary>
    /// <param name="predicted">Predicted class index per pixel (0..70, argmax already taken), row-major.</param>
    /// <param name="groundTruth">Ground-truth class index per pixel (0..70), same length.</param>
    /// <exception cref="ArgumentException">Mismatched or zero lengths, or an index above 70.</exception>
    public void AddFrame(ReadOnlySpan<byte> predicted, ReadOnlySpan<byte> groundTruth)
    {
        if (predicted.Length == 0 || predicted.Length != groundTruth.Length)
        {
            throw new ArgumentException($"Prediction and ground truth need the same, non-zero pixel count (got {predicted.Length} and {groundTruth.Length}).");
        }

        Span<long> inter = stackalloc long[Classes];
        Span<long> pred = stackalloc long[Classes];
        Span<long> gt = stackalloc long[Classes];
        inter.Clear();
        pred.Clear();
        gt.Clear();
        for (var i = 0; i < predicted.Length; i++)
        {
            int p = predicted[i], g = groundTruth[i];
            if (p >= Classes || g >= Classes)
            {
                throw new ArgumentException($"Class index {Math.Max(p, g)} at pixel {i} is not one of the {Classes} AVSS classes.");
            }

            pred[p]++;
            gt[g]++;
            inter[p] += p == g ? 1 : 0;
        }

        for (var c = 0; c < Classes; c++)
        {
            var union = pred[c] + gt[c] - inter[c];
            if (union == 0)
            {
                continue;
            }

            _count[c]++;
            _iouSum[c] += (double)inter[c] / union;
            _fSum[c] += FrameF(inter[c], pred[c], gt[c]);
        }

        _frames++;
    }

    /// <summary>The scores so far; per-class values are indexed like <see cref="AvssClasses.Names"/>.</summary>
    public SemanticMetricsResult Result
    {
        get
        {
            var iou = new double[Classes];
            var f = new double[Classes];
            for (var c = 0; c < Classes; c++)
            {
                iou[c] = _count[c] == 0 ? 0 : _iouSum[c] / _count[c];
                f[c] = _count[c] == 0 ? 0 : _fSum[c] / _count[c];
            }

            return new SemanticMetricsResult(iou.Average(), f.Average(), iou, f, [.. _count], _frames);
        }
    }

    private static double FrameF(long inter, long pred, long gt)
    {
        if (inter == 0)
        {
            return 0;
        }

        var precision = (double)inter / pred;
        var recall = (double)inter / gt;
        return (1 + AvsFScore.Beta2) * precision * recall / ((AvsFScore.Beta2 * precision) + recall);
    }
}

namespace SegPref.Avs.Metrics;

/// <summary>
/// The official AVSBench F-measure (Eval_Fmeasure): beta^2 = 0.3 over 255 thresholds
/// linspace(0, 1 - 1e-10, 255); a pixel is positive at threshold t when its probability is &gt;= t.
/// Per frame, precision = TP / (TP + FP) (0 when nothing is predicted) and recall = TP / (TP + FN);
/// F = (1 + 0.3) P R / (0.3 P + R), NaN -> 0. Frames with an empty ground truth are skipped; the
/// F curves of the remaining frames of a batch are averaged and the batch scores the curve's maximum.
/// </summary>
/// <remarks>
/// A batch whose frames all have empty ground truth scores 0: the official code returns the max of
/// an all-zero curve there, and we keep that behaviour so numbers stay comparable to published ones.
/// </remarks>
public static class AvsFScore
{
    /// <summary>beta^2 of the F-measure.</summary>
    public const double Beta2 = 0.3;

    /// <summary>Number of thresholds.</summary>
    public const int ThresholdCount = 255;

    private static readonly float[] ThresholdArray = BuildThresholds();

    /// <summary>
    /// The thresholds as the official float32 tensor holds them: 1 - 1e-10 rounds to 1.0f, and the
    /// values follow torch.linspace's CPU formula (start + i*step for the first half, end - (n-1-i)*step after).
    /// </summary>
    public static IReadOnlyList<float> Thresholds { get; } = Array.AsReadOnly(ThresholdArray);

    /// <summary>The F score of one batch: max over thresholds of the mean curve of its non-empty-GT frames.</summary>
    /// <param name="frames">Per frame: probabilities in [0, 1] and binary ground truth of the same length.</param>
    public static double Batch(IReadOnlyList<(float[] Prob, byte[] Gt)> frames)
    {
        MaskFrameChecks.ValidateBatch(frames);
        return BatchUnchecked(frames);
    }

    /// <summary>Writes one frame's F curve (one value per threshold); false, and nothing written, when its ground truth is empty.</summary>
    public static bool FrameCurve(ReadOnlySpan<float> prob, ReadOnlySpan<byte> gt, Span<double> curve)
    {
        MaskFrameChecks.Validate(prob, gt);
        if (curve.Length != ThresholdCount)
        {
            throw new ArgumentException($"The curve needs {ThresholdCount} slots, got {curve.Length}.", nameof(curve));
        }

        return FrameCurveUnchecked(prob, gt, curve);
    }

    internal static double BatchUnchecked(IReadOnlyList<(float[] Prob, byte[] Gt)> frames)
    {
        var sum = new double[ThresholdCount];
        var curve = new double[ThresholdCount];
        var counted = 0;
        foreach (var (prob, gt) in frames)
        {
            if (FrameCurveUnchecked(prob, gt, curve))
            {
                counted++;
                for (var i = 0; i < ThresholdCount; i++)
                {
                    sum[i] += curve[i];
                }
            }
        }

        return counted == 0 ? 0.0 : sum.Max() / counted;
    }

    private static bool FrameCurveUnchecked(ReadOnlySpan<float> prob, ReadOnlySpan<byte> gt, Span<double> curve)
    {
        // Histogram of "highest threshold index passed" per pixel; suffix sums then give the
        // positive and true-positive counts at every threshold in one pass over the pixels.
        Span<long> predicted = stackalloc long[ThresholdCount];
        Span<long> truePositive = stackalloc long[ThresholdCount];
        predicted.Clear();
        truePositive.Clear();
        long gtCount = 0;
        for (var i = 0; i < prob.Length; i++)
        {
            var k = HighestPassed(prob[i]);
            predicted[k]++;
            if (gt[i] != 0)
            {
                truePositive[k]++;
                gtCount++;
            }
        }

        if (gtCount == 0)
        {
            return false;
        }

        long positives = 0, tp = 0;
        for (var t = ThresholdCount - 1; t >= 0; t--)
        {
            positives += predicted[t];
            tp += truePositive[t];
            var precision = positives == 0 ? 0.0 : (double)tp / positives;
            var recall = (double)tp / gtCount;
            var f = (1 + Beta2) * precision * recall / ((Beta2 * precision) + recall);
            curve[t] = double.IsNaN(f) ? 0.0 : f;
        }

        return true;
    }

    private static int HighestPassed(float p)
    {
        // Thresholds ascend and start at 0, so for p >= 0 the answer is in [0, ThresholdCount - 1].
        int lo = 0, hi = ThresholdCount - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (p >= ThresholdArray[mid])
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    private static float[] BuildThresholds()
    {
        // Runtime float arithmetic, not compile-time folding, so the rounding is float32's.
        var end = (float)(1 - 1e-10);
        var step = end / (ThresholdCount - 1);
        var t = new float[ThresholdCount];
        for (var i = 0; i < ThresholdCount; i++)
        {
            t[i] = i < ThresholdCount / 2 ? step * i : end - (step * (ThresholdCount - 1 - i));
        }

        return t;
    }
}

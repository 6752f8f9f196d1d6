namespace SegPref.Avs.Metrics;

/// <summary>
/// The official AVSBench Jaccard index (mask_iou): prediction = probability &gt; 0.5 (strictly);
/// per frame |P and G| / |P or G|; a frame whose ground truth is empty scores the fraction of
/// pixels where prediction and ground truth are both background. Frame scores are averaged per
/// batch (the official test batch is one clip, all its frames).
/// </summary>
/// <remarks>
/// The official code divides by (union + 1e-7) in float32; the union here is never zero (an empty
/// ground truth uses the pixel count), so the exact ratio in double is used; the two differ by
/// less than 1e-7 relative.
/// </remarks>
public static class AvsJaccard
{
    /// <summary>A pixel is predicted foreground when its probability is strictly above this.</summary>
    public const float Threshold = 0.5f;

    /// <summary>The Jaccard score of one frame.</summary>
    /// <param name="prob">Foreground probabilities in [0, 1] (sigmoid applied), row-major.</param>
    /// <param name="gt">Binary ground truth (0 or 1), same length.</param>
    public static double Frame(ReadOnlySpan<float> prob, ReadOnlySpan<byte> gt)
    {
        MaskFrameChecks.Validate(prob, gt);
        return FrameUnchecked(prob, gt);
    }

    /// <summary>The mean frame score of one batch.</summary>
    public static double Batch(IReadOnlyList<(float[] Prob, byte[] Gt)> frames)
    {
        MaskFrameChecks.ValidateBatch(frames);
        return BatchUnchecked(frames);
    }

    internal static double BatchUnchecked(IReadOnlyList<(float[] Prob, byte[] Gt)> frames)
    {
        var sum = 0.0;
        foreach (var (prob, gt) in frames)
        {
            sum += FrameUnchecked(prob, gt);
        }

        return sum / frames.Count;
    }

    private static double FrameUnchecked(ReadOnlySpan<float> prob, ReadOnlySpan<byte> gt)
    {
        long inter = 0, union = 0, gtCount = 0, bothBackground = 0;
        for (var i = 0; i < prob.Length; i++)
        {
            var p = prob[i] > Threshold;
            var g = gt[i] != 0;
            inter += p && g ? 1 : 0;
            union += p || g ? 1 : 0;
            gtCount += g ? 1 : 0;
            bothBackground += !p && !g ? 1 : 0;
        }

        return gtCount == 0 ? (double)bothBackground / prob.Length : (double)inter / union;
    }
}

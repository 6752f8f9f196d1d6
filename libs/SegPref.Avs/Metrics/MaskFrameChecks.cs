namespace SegPref.Avs.Metrics;

/// <summary>Argument checks shared by the binary metrics: one validating pass over each frame.</summary>
internal static class MaskFrameChecks
{
    public static void Validate(ReadOnlySpan<float> prob, ReadOnlySpan<byte> gt)
    {
        if (prob.Length == 0 || prob.Length != gt.Length)
        {
            throw new ArgumentException($"A frame needs as many probabilities as ground-truth pixels (got {prob.Length} and {gt.Length}), and at least one.");
        }

        for (var i = 0; i < prob.Length; i++)
        {
            // The negated test also rejects NaN.
            if (!(prob[i] >= 0f && prob[i] <= 1f))
            {
                throw new ArgumentException($"Probability {prob[i]} at pixel {i} is outside [0, 1]; apply the sigmoid first.");
            }

            if (gt[i] > 1)
            {
                throw new ArgumentException($"Ground truth {gt[i]} at pixel {i} is not binary (0 or 1).");
            }
        }
    }

    public static void ValidateBatch(IReadOnlyList<(float[] Prob, byte[] Gt)> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.Count == 0)
        {
            throw new ArgumentException("A batch needs at least one frame.", nameof(frames));
        }

        foreach (var (prob, gt) in frames)
        {
            ArgumentNullException.ThrowIfNull(prob, nameof(frames));
            ArgumentNullException.ThrowIfNull(gt, nameof(frames));
            Validate(prob, gt);
        }
    }
}

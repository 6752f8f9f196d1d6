namespace SegPref.Models.Audio;

/// <summary>Average precision and its mean over classes (mAP) for multi-label scores.</summary>
public static class AveragePrecision
{
    /// <summary>
    /// AP of one class: examples sorted by descending score (ties keep input order), precision taken at the rank of
    /// each positive, averaged over the positives. NaN when there is no positive.
    /// </summary>
    public static double Compute(ReadOnlySpan<float> scores, ReadOnlySpan<bool> positives)
    {
        if (scores.Length != positives.Length)
        {
            throw new ArgumentException($"{scores.Length} scores but {positives.Length} labels.", nameof(positives));
        }

        var s = scores.ToArray();
        var order = Enumerable.Range(0, s.Length).OrderByDescending(i => s[i]).ToArray();
        var hits = 0;
        var sum = 0.0;
        for (var rank = 0; rank < order.Length; rank++)
        {
            if (positives[order[rank]])
            {
                hits++;
                sum += (double)hits / (rank + 1);
            }
        }

        return hits == 0 ? double.NaN : sum / hits;
    }

    /// <summary>
    /// mAP over the classes that have at least one positive; <paramref name="scores"/> and <paramref name="targets"/> are
    /// [count, classes] row-major (targets 1 = positive). NaN when no class has a positive.
    /// </summary>
    public static double Mean(float[] scores, float[] targets, int classes)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        if (scores.Length != targets.Length || scores.Length % classes != 0)
        {
            throw new ArgumentException($"scores ({scores.Length}) and targets ({targets.Length}) must both be [count, {classes}].", nameof(targets));
        }

        var count = scores.Length / classes;
        var column = new float[count];
        var labels = new bool[count];
        var aps = new List<double>();
        for (var c = 0; c < classes; c++)
        {
            for (var i = 0; i < count; i++)
            {
                column[i] = scores[(i * classes) + c];
                labels[i] = targets[(i * classes) + c] > 0.5f;
            }

            var ap = Compute(column, labels);
            if (!double.IsNaN(ap))
            {
                aps.Add(ap);
            }
        }

        return aps.Count == 0 ? double.NaN : aps.Average();
    }
}

namespace SegPref.Models.Captioning;

/// <summary>
/// Corpus BLEU-4 (Papineni et al. 2002) with one reference per hypothesis: clipped n-gram precisions for n = 1..4
/// summed over the corpus, their geometric mean, times the brevity penalty exp(1 - r/c) when the corpus
/// hypothesis length c is below the reference length r. Texts are tokenised by <see cref="CaptionTokenizer"/>.
/// No smoothing: any n with zero matches gives 0.
/// </summary>
public static class Bleu
{
    private const int MaxOrder = 4;

    /// <summary>Corpus BLEU-4 in [0, 1] of <paramref name="hypotheses"/> against <paramref name="references"/> (paired by index).</summary>
    public static double Corpus(IReadOnlyList<string> hypotheses, IReadOnlyList<string> references)
    {
        ArgumentNullException.ThrowIfNull(hypotheses);
        ArgumentNullException.ThrowIfNull(references);
        if (hypotheses.Count != references.Count)
        {
            throw new ArgumentException($"{hypotheses.Count} hypotheses but {references.Count} references.", nameof(references));
        }

        var matches = new long[MaxOrder];
        var totals = new long[MaxOrder];
        long hypothesisLength = 0, referenceLength = 0;
        for (var i = 0; i < hypotheses.Count; i++)
        {
            var hypothesis = CaptionTokenizer.Tokenize(hypotheses[i]);
            var reference = CaptionTokenizer.Tokenize(references[i]);
            hypothesisLength += hypothesis.Count;
            referenceLength += reference.Count;
            for (var n = 1; n <= MaxOrder; n++)
            {
                var referenceCounts = NGrams(reference, n);
                foreach (var (gram, count) in NGrams(hypothesis, n))
                {
                    matches[n - 1] += Math.Min(count, referenceCounts.GetValueOrDefault(gram));
                    totals[n - 1] += count;
                }
            }
        }

        if (hypothesisLength == 0 || matches.Any(m => m == 0))
        {
            return 0;
        }

        var logPrecision = Enumerable.Range(0, MaxOrder).Sum(n => Math.Log((double)matches[n] / totals[n])) / MaxOrder;
        var brevity = hypothesisLength >= referenceLength ? 1.0 : Math.Exp(1 - ((double)referenceLength / hypothesisLength));
        return brevity * Math.Exp(logPrecision);
    }

    private static Dictionary<string, int> NGrams(IReadOnlyList<string> tokens, int n)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= tokens.Count; i++)
        {
            var gram = string.Join('\u0001', tokens.Skip(i).Take(n));
            counts[gram] = counts.GetValueOrDefault(gram) + 1;
        }

        return counts;
    }
}

namespace SegPref.Avs.Synth;

/// <summary>
/// Stratified (quasi-random) uniforms for a clip's scene composition: dimension d of clip i is
/// frac(offset_d + i * alpha_d) with alpha_d = frac(sqrt(prime_d)) (a Kronecker sequence) and offset_d drawn
/// from (seed, split, d). Each value alone is uniform over seeds, so expectations are unchanged, but across
/// the clips of a split the compositions are spread evenly, which keeps measured per-class rates close to the
/// priors. A clip's values depend only on (seed, split, clip index): parallel-safe and stable when counts change.
/// </summary>
internal readonly struct SynthStrata
{
    private static readonly int[] Primes = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53];
    private readonly long _seed;
    private readonly int _splitIndex;
    private readonly int _clipIndex;

    public SynthStrata(long seed, int splitIndex, int clipIndex)
    {
        _seed = seed;
        _splitIndex = splitIndex;
        _clipIndex = clipIndex;
    }

    /// <summary>The clip's uniform in [0, 1) for dimension <paramref name="dimension"/> (0..15).</summary>
    public double this[int dimension]
    {
        get
        {
            var offset = SynthRandom.ForPurpose(_seed, ((ulong)(uint)_splitIndex << 8) | (uint)dimension).NextDouble();
            var alpha = Math.Sqrt(Primes[dimension]) % 1.0;
            var value = (offset + (_clipIndex * alpha)) % 1.0;
            return value;
        }
    }

    /// <summary>Index drawn by inverse CDF of normalised <paramref name="probabilities"/> at <paramref name="u"/>.</summary>
    public static int Pick(double u, IReadOnlyList<double> probabilities)
    {
        var acc = 0.0;
        for (var i = 0; i < probabilities.Count; i++)
        {
            acc += probabilities[i];
            if (u < acc)
            {
                return i;
            }
        }

        // Rounding at the top end: the last class with non-zero weight.
        for (var i = probabilities.Count - 1; i > 0; i--)
        {
            if (probabilities[i] > 0)
            {
                return i;
            }
        }

        return 0;
    }
}

namespace SegPref.Avs.Synth;

/// <summary>
/// xoshiro256** seeded through SplitMix64. Used instead of <see cref="Random"/> because its algorithm is
/// specified, so a seed gives the same data on every runtime and platform.
/// </summary>
internal sealed class SynthRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public SynthRandom(ulong seed)
    {
        var sm = seed;
        _s0 = SplitMix(ref sm);
        _s1 = SplitMix(ref sm);
        _s2 = SplitMix(ref sm);
        _s3 = SplitMix(ref sm);
    }

    /// <summary>An independent stream for one clip: depends only on (seed, split, clip index), not on clip counts.</summary>
    public static SynthRandom ForClip(long seed, int splitIndex, int clipIndex) =>
        new(Mix(Mix(Mix(unchecked((ulong)seed)) ^ (ulong)(uint)splitIndex) ^ ((ulong)(uint)clipIndex << 20)));

    /// <summary>A named stream derived from a seed (e.g. for calibration), independent of the clip streams.</summary>
    public static SynthRandom ForPurpose(long seed, ulong purpose) => new(Mix(Mix(unchecked((ulong)seed) ^ 0xA5A5_5A5A_0F0F_F0F0UL) ^ purpose));

    public ulong NextULong()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public double Range(double min, double max) => min + ((max - min) * NextDouble());

    public float RangeF(double min, double max) => (float)Range(min, max);

    /// <summary>Uniform integer in [0, count).</summary>
    public int NextInt(int count) => count <= 1 ? 0 : (int)(NextDouble() * count);

    /// <summary>Uniform integer in [min, max] inclusive.</summary>
    public int Between(int min, int max) => min + NextInt(max - min + 1);

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[NextInt(items.Count)];

    /// <summary>Standard normal draw (Box-Muller).</summary>
    public double Gaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static ulong Mix(ulong x)
    {
        var state = x;
        return SplitMix(ref state);
    }

    private static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}

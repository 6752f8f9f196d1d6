namespace SegPref.Models.Training;

/// <summary>
/// The randomness of one epoch, derived from (seed, epoch) alone so that a resumed run replays an interrupted epoch
/// exactly: the example order, the augmentation draws and torch's generator (dropout) at the start of the epoch.
/// The mixes are fixed integer formulas (HashCode.Combine is randomised per process).
/// </summary>
internal static class EpochRandom
{
    private const int OrderSalt = 7919;
    private const int AugmentationSalt = 104729;
    private const long TorchSalt = 1_000_003;

    /// <summary>A Fisher-Yates shuffle of 0..<paramref name="count"/>-1 for the epoch.</summary>
    public static int[] Shuffle(int count, int seed, int epoch)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(unchecked((seed * OrderSalt) + epoch)).Shuffle(order);
        return order;
    }

    /// <summary>The generator of the epoch's augmentation draws (flips, gains, noise), independent of its order.</summary>
    public static Random Augmentation(int seed, int epoch) => new(unchecked((seed * AugmentationSalt) + epoch));

    /// <summary>The seed of torch's global generator at the start of the epoch.</summary>
    public static long TorchSeed(int seed, int epoch) => unchecked((seed * TorchSalt) + epoch);
}

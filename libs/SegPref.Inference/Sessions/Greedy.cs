namespace SegPref.Inference.Sessions;

/// <summary>The token choice of the greedy captioners.</summary>
internal static class Greedy
{
    /// <summary>Index of the largest value, the lowest index on ties (as CaptionerRun's greedy decoder).</summary>
    public static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}

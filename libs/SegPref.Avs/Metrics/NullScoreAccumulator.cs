namespace SegPref.Avs.Metrics;

/// <summary>Pools foreground and pixel counts over frames for <see cref="PreferenceMeasures.NullScore"/>.</summary>
public sealed class NullScoreAccumulator
{
    /// <summary>Pixels predicted foreground (probability &gt; 0.5) so far.</summary>
    public long Foreground { get; private set; }

    /// <summary>Pixels seen so far.</summary>
    public long Pixels { get; private set; }

    /// <summary>sqrt(Foreground / Pixels); 0 before any pixel.</summary>
    public double Result => Pixels == 0 ? 0 : Math.Sqrt((double)Foreground / Pixels);

    /// <summary>Adds one frame of foreground probabilities in [0, 1].</summary>
    /// <exception cref="ArgumentException">A probability outside [0, 1].</exception>
    public void AddFrame(ReadOnlySpan<float> prob)
    {
        long foreground = 0;
        for (var i = 0; i < prob.Length; i++)
        {
            if (!(prob[i] >= 0f && prob[i] <= 1f))
            {
                throw new ArgumentException($"Probability {prob[i]} at pixel {i} is outside [0, 1]; apply the sigmoid first.", nameof(prob));
            }

            foreground += prob[i] > AvsJaccard.Threshold ? 1 : 0;
        }

        Foreground += foreground;
        Pixels += prob.Length;
    }
}

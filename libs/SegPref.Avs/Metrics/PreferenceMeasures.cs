namespace SegPref.Avs.Metrics;

/// <summary>The segmentation-preference measures: relative drop under perturbed audio and the Ref-AVS Null score.</summary>
public static class PreferenceMeasures
{
    /// <summary>
    /// Relative drop Delta = (normal - perturbed) / normal of a score measured with normal and with
    /// perturbed (muted, noisy) audio; 0 when the normal score is 0. Bigger = more audio-sensitive.
    /// </summary>
    public static double Delta(double normal, double perturbed) =>
        normal == 0 ? 0 : (normal - perturbed) / normal;

    /// <summary>
    /// Null score S = sqrt(predicted foreground pixels / all pixels), foreground = probability &gt; 0.5,
    /// pooled over all the frames given (one ratio of totals, not a mean of per-frame roots). Lower is
    /// better on audio where nothing sounds.
    /// </summary>
    /// <param name="frames">Foreground probabilities in [0, 1] per frame.</param>
    /// <exception cref="ArgumentException">No pixels at all, or a probability outside [0, 1].</exception>
    public static double NullScore(IEnumerable<float[]> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var accumulator = new NullScoreAccumulator();
        foreach (var frame in frames)
        {
            accumulator.AddFrame(frame);
        }

        return accumulator.Pixels == 0
            ? throw new ArgumentException("The Null score needs at least one pixel.", nameof(frames))
            : accumulator.Result;
    }
}

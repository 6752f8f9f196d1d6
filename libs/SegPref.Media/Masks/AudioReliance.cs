namespace SegPref.Media.Masks;

/// <summary>
/// The per-frame audio-reliance score, a continuous value in [0, 1] computed from a model's own soft outputs (never
/// from thresholded masks). Two forms, one per kind of model (docs/teso-model.md, "Audio reliance"):
/// <list type="bullet">
/// <item>TeSO reports its own <b>audio support</b>: the probability, from SeDAM's learned relevance, that the audio
/// supports at least one of the frame's cues (<see cref="FromSupport"/>). No second pass is needed.</item>
/// <item>A model without SeDAM (the audio-only baseline) is compared with a <b>counterfactual</b> pass on silent audio:
/// the share of its sounding-probability mass that vanishes without the audio (<see cref="FromCounterfactual"/>).</item>
/// </list>
/// </summary>
public static class AudioReliance
{
    /// <summary>
    /// The smallest mass the counterfactual share is taken against, as a fraction of the frame's pixels: a frame whose
    /// mask is (nearly) empty scores (nearly) 0 instead of a ratio of two tiny numbers.
    /// </summary>
    public const double MassFloor = 0.01;

    /// <summary>TeSO's audio support, clamped to [0, 1].</summary>
    /// <exception cref="ArgumentException">Not a finite number.</exception>
    public static double FromSupport(double support) =>
        double.IsFinite(support) ? Math.Clamp(support, 0, 1) : throw new ArgumentException($"Audio support must be finite, got {support}.", nameof(support));

    /// <summary>
    /// sum_p max(0, actual_p - silent_p) / max(sum_p actual_p, <see cref="MassFloor"/> x pixels): the share of the
    /// foreground probability mass under the real audio that is not there under silent audio.
    /// </summary>
    /// <param name="actual">Foreground probabilities in [0, 1] with the real audio.</param>
    /// <param name="silent">The same frame's probabilities with silent audio (same length).</param>
    /// <exception cref="ArgumentException">Lengths differ, the frame is empty, or a value is not a probability.</exception>
    public static double FromCounterfactual(ReadOnlySpan<float> actual, ReadOnlySpan<float> silent)
    {
        if (actual.Length != silent.Length || actual.Length == 0)
        {
            throw new ArgumentException($"Both maps need the same, non-zero number of pixels (got {actual.Length} and {silent.Length}).", nameof(silent));
        }

        double mass = 0, lost = 0;
        for (var p = 0; p < actual.Length; p++)
        {
            var (a, s) = (actual[p], silent[p]);
            if (!(a >= 0f && a <= 1f && s >= 0f && s <= 1f))
            {
                throw new ArgumentException($"Pixel {p}: probabilities must be in [0, 1] (got {a} and {s}); apply the sigmoid first.", nameof(actual));
            }

            mass += a;
            lost += Math.Max(0, a - s);
        }

        return Math.Clamp(lost / Math.Max(mass, MassFloor * actual.Length), 0, 1);
    }
}

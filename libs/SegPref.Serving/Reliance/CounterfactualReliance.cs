using SegPref.Media.Masks;

namespace SegPref.Serving.Reliance;

/// <summary>
/// The served audio reliance of a segmenter without audio support: per frame, <see cref="AudioReliance.FromCounterfactual"/>
/// on the model's own probability maps (sigmoid of the logits at its resolution) with the clip's audio and with silence.
/// </summary>
public static class CounterfactualReliance
{
    /// <summary>Reliance of each of <paramref name="frames"/> frames from logits [2T,plane]: frames 0..T-1 heard the clip, T..2T-1 silence.</summary>
    /// <exception cref="ArgumentException">The logits do not hold 2T maps of <paramref name="plane"/> values.</exception>
    public static double[] FromLogits(ReadOnlySpan<float> logits, int frames, int plane)
    {
        if (logits.Length != 2 * frames * plane)
        {
            throw new ArgumentException($"Expected {2 * frames} maps of {plane} logits (clip, then silence), got {logits.Length} values.", nameof(logits));
        }

        var reliance = new double[frames];
        var actual = new float[plane];
        var silent = new float[plane];
        for (var f = 0; f < frames; f++)
        {
            Sigmoid(logits.Slice(f * plane, plane), actual);
            Sigmoid(logits.Slice((frames + f) * plane, plane), silent);
            reliance[f] = AudioReliance.FromCounterfactual(actual, silent);
        }

        return reliance;
    }

    private static void Sigmoid(ReadOnlySpan<float> logits, Span<float> probabilities)
    {
        for (var i = 0; i < logits.Length; i++)
        {
            probabilities[i] = ProbabilityMap.Sigmoid(logits[i]);
        }
    }
}

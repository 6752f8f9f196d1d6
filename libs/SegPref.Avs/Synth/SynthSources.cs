namespace SegPref.Avs.Synth;

/// <summary>AVS-Synth's class sounds for use outside the generator (e.g. the off-screen evaluation condition).</summary>
public static class SynthSources
{
    /// <summary>
    /// <paramref name="samples"/> samples at 16 kHz of <paramref name="kind"/>'s synthesized sound (pitch, tempo and
    /// level drawn from <paramref name="seed"/>), scaled to an RMS of <paramref name="rms"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is not an AVS-Synth sound class.</exception>
    public static float[] Render(string kind, int samples, double rms, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(samples);
        if (!SynthVocabulary.SoundClasses.Contains(kind, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{kind}' is not an AVS-Synth sound class ({string.Join(", ", SynthVocabulary.SoundClasses)}).", nameof(kind));
        }

        var buffer = new float[samples];
        SynthVoices.Render(kind, buffer, new SynthRandom(unchecked((ulong)seed)));
        var current = Math.Sqrt(buffer.Sum(x => (double)x * x) / Math.Max(1, samples));
        var scale = current > 0 ? rms / current : 0;
        for (var n = 0; n < samples; n++)
        {
            buffer[n] = (float)(buffer[n] * scale);
        }

        return buffer;
    }
}

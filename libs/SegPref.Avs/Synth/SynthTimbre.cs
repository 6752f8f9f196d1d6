namespace SegPref.Avs.Synth;

/// <summary>
/// Per-source variation of the realistic preset: a pitch-and-tempo shift (the source is rendered longer and read back
/// faster or slower) and a random spectral tilt and brightness, so that a class's sound varies from clip to clip enough
/// for some classes to be confusable by ear.
/// </summary>
internal static class SynthTimbre
{
    /// <summary>Renders <paramref name="kind"/> into <paramref name="length"/> samples with the config's variation.</summary>
    public static float[] Render(string kind, int length, SynthConfig config, SynthRandom rng)
    {
        var ratio = Math.Pow(2, rng.Range(-1, 1) * config.PitchSpreadSemitones / 12);
        var raw = new float[(int)Math.Ceiling(length * ratio) + 2];
        SynthVoices.Render(kind, raw, rng);
        var source = new float[length];
        for (var n = 0; n < length; n++)
        {
            var position = n * ratio;
            var i = (int)position;
            var frac = (float)(position - i);
            source[n] = raw[i] + ((raw[i + 1] - raw[i]) * frac);
        }

        if (config.TimbreVariation)
        {
            Tilt(source, rng);
        }

        return source;
    }

    // One third low-passed (corner 700-5,000 Hz), one third high-passed (150-1,500 Hz), one third left flat; then a
    // pre-emphasis x + b (x[n] - x[n-1]) with b in [0, 1.5] for brightness.
    private static void Tilt(float[] x, SynthRandom rng)
    {
        var choice = rng.NextInt(3);
        var corner = choice == 0 ? rng.Range(700, 5000) : rng.Range(150, 1500);
        var a = Math.Exp(-2 * Math.PI * corner / SynthDsp.Rate);
        var brightness = rng.Range(0, 1.5);
        double low = 0, previous = 0;
        for (var n = 0; n < x.Length; n++)
        {
            low = ((1 - a) * x[n]) + (a * low);
            var filtered = choice switch { 0 => low, 1 => x[n] - low, _ => x[n] };
            var y = filtered + (brightness * (filtered - previous));
            previous = filtered;
            x[n] = (float)y;
        }
    }
}

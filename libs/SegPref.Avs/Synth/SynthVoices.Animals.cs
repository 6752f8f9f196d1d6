namespace SegPref.Avs.Synth;

internal static partial class SynthVoices
{
    private static void Dog(float[] b, SynthRandom rng)
    {
        var pitch = rng.Range(350, 700);
        var groupGap = rng.Range(0.5, 1.1);
        var burst = 0;
        Sequence(b, rng, () => burst++ % 3 == 2 ? groupGap : rng.Range(0.18, 0.3), start =>
        {
            var duration = rng.Range(0.08, 0.18);
            var f = pitch * rng.Range(0.9, 1.1);
            var gains = Harmonics(12, h => SynthDsp.Formants(h * f, (900, 300, 1.0), (2200, 500, 0.4)) / Math.Sqrt(h));
            SynthDsp.AddTone(b, start, SynthDsp.Samples(duration), t => f * (1 - (0.3 * t / duration)), t => SynthDsp.AttackRelease(t, duration, 0.005, duration * 0.6), gains);
            SynthDsp.AddNoise(b, start, SynthDsp.Samples(duration), 1200, 1.2, t => 0.4 * SynthDsp.AttackRelease(t, duration, 0.005, duration * 0.6), rng);
        });
    }

    private static void Cat(float[] b, SynthRandom rng)
    {
        var pitch = rng.Range(350, 550);
        var t0 = rng.Range(0, 0.3);
        while (t0 < b.Length / (double)SynthDsp.Rate)
        {
            var duration = rng.Range(0.45, 0.9);
            var f = pitch * rng.Range(0.9, 1.1);
            var gains = Harmonics(10, h => SynthDsp.Formants(h * f, (700, 250, 1.0), (1800, 400, 0.6), (3000, 500, 0.3)));
            SynthDsp.AddTone(b, SynthDsp.Samples(t0), SynthDsp.Samples(duration),
                t => f * (1 + (0.4 * Math.Sin(Math.PI * Math.Min(1, t / duration)))),
                t => SynthDsp.AttackRelease(t, duration, 0.06, 0.2), gains);
            t0 += duration + rng.Range(0.3, 0.9);
        }
    }

    private static void Bird(float[] b, SynthRandom rng)
    {
        var pitch = rng.Range(2500, 4500);
        var sweep = rng.Range(0.6, 1.5);
        var spacing = rng.Range(0.08, 0.12);
        var chirp = 0;
        var trill = rng.Between(3, 8);
        Sequence(b, rng, () => ++chirp % trill == 0 ? rng.Range(0.2, 0.6) : spacing, start =>
        {
            var duration = rng.Range(0.03, 0.09);
            var f = pitch * rng.Range(0.92, 1.08);
            SynthDsp.AddTone(b, start, SynthDsp.Samples(duration), t => f * (1 + ((sweep - 1) * t / duration)),
                t => Math.Sin(Math.PI * Math.Clamp(t / duration, 0, 1)), [1.0, 0.3]);
        });
    }

    private static void Baby(float[] b, SynthRandom rng)
    {
        var pitch = rng.Range(380, 550);
        var t0 = rng.Range(0, 0.2);
        while (t0 < b.Length / (double)SynthDsp.Rate)
        {
            var duration = rng.Range(0.6, 1.3);
            var f = pitch * rng.Range(0.9, 1.1);
            var gains = Harmonics(9, h => SynthDsp.Formants(h * f, (1000, 300, 1.0), (2800, 600, 0.7)));
            SynthDsp.AddTone(b, SynthDsp.Samples(t0), SynthDsp.Samples(duration),
                t => f * (1 + (0.25 * Math.Sin(Math.PI * t / duration)) + (0.03 * Math.Sin(2 * Math.PI * 8 * t))),
                t => SynthDsp.AttackRelease(t, duration, 0.05, 0.15), gains);
            t0 += duration + rng.Range(0.15, 0.4);
        }
    }
}

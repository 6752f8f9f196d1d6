namespace SegPref.Avs.Synth;

internal static partial class SynthVoices
{
    private static void Guitar(float[] b, SynthRandom rng)
    {
        var baseHz = rng.Range(110, 260);
        var period = rng.Range(0.25, 0.5);
        var pluck = rng.Range(0.1, 0.3);
        Sequence(b, rng, () => period * (rng.Chance(1.0 / 3) ? 2 : 1), start =>
        {
            var f = Pentatonic(baseHz, rng);
            var level = rng.Range(0.6, 1.0);
            var gains = Harmonics(10, h => level * Math.Abs(Math.Sin(Math.PI * h * pluck)) / h);
            SynthDsp.AddTone(b, start, SynthDsp.Samples(1.2), _ => f, t => Math.Min(1, t / 0.002), gains, h => 2.5 + (1.5 * h));
        });
    }

    private static void Piano(float[] b, SynthRandom rng)
    {
        var baseHz = rng.Range(130, 400);
        var period = rng.Range(0.35, 0.8);
        Sequence(b, rng, () => period, start =>
        {
            var voices = rng.Chance(0.4) ? 2 : 1;
            for (var v = 0; v < voices; v++)
            {
                var f = Pentatonic(baseHz, rng);
                var gains = Harmonics(10, h => 1 / Math.Pow(h, 0.8));
                SynthDsp.AddTone(b, start, SynthDsp.Samples(1.5), _ => f, t => Math.Min(1, t / 0.001), gains, h => 1.2 + (0.7 * h), 0.0004);
            }

            SynthDsp.AddNoise(b, start, SynthDsp.Samples(0.01), 3000, 1, t => 0.3 * Math.Exp(-t / 0.003), rng);
        });
    }

    private static void Violin(float[] b, SynthRandom rng)
    {
        var baseHz = rng.Range(196, 440);
        var rate = rng.Range(5, 6.5);
        var depth = rng.Range(0.004, 0.008);
        var gains = Harmonics(12, h => 1.0 / h);
        var t0 = 0.0;
        while (t0 < b.Length / (double)SynthDsp.Rate)
        {
            var f = Pentatonic(baseHz, rng);
            var duration = rng.Range(0.4, 1.0);
            SynthDsp.AddTone(b, SynthDsp.Samples(t0), SynthDsp.Samples(duration), t => f * (1 + (depth * Math.Sin(2 * Math.PI * rate * t))),
                t => SynthDsp.AttackRelease(t, duration, 0.08, 0.06), gains);
            t0 += duration;
        }
    }

    private static void Drum(float[] b, SynthRandom rng)
    {
        var kickHz = rng.Range(45, 90);
        var snareHz = rng.Range(1500, 3000);
        var period = rng.Range(0.18, 0.45);
        var beat = 0;
        Sequence(b, rng, () => period, start =>
        {
            if (beat++ % 2 == 0 || rng.Chance(0.2))
            {
                SynthDsp.AddTone(b, start, SynthDsp.Samples(0.4), t => kickHz * (1 + (2 * Math.Exp(-t / 0.02))), t => Math.Exp(-t / 0.15), [1.0, 0.2]);
            }
            else
            {
                SynthDsp.AddNoise(b, start, SynthDsp.Samples(0.25), snareHz, 0.8, t => 2.5 * Math.Exp(-t / 0.06), rng);
                SynthDsp.AddTone(b, start, SynthDsp.Samples(0.2), _ => 180, t => 0.5 * Math.Exp(-t / 0.05), [1.0]);
            }
        });
    }

    private static void Trumpet(float[] b, SynthRandom rng)
    {
        var baseHz = rng.Range(233, 520);
        var gains = Harmonics(14, h => Math.Pow(h, 0.4) * Math.Exp(-h / 5.0));
        var t0 = rng.Range(0, 0.2);
        while (t0 < b.Length / (double)SynthDsp.Rate)
        {
            var f = Pentatonic(baseHz, rng);
            var duration = rng.Range(0.25, 0.6);
            SynthDsp.AddTone(b, SynthDsp.Samples(t0), SynthDsp.Samples(duration), t => f * (1 - (0.03 * Math.Exp(-t / 0.03))),
                t => SynthDsp.AttackRelease(t, duration, 0.03, 0.04), gains);
            t0 += duration + rng.Range(0.03, 0.12);
        }
    }
}

namespace SegPref.Avs.Synth;

internal static partial class SynthVoices
{
    private static void Car(float[] b, SynthRandom rng)
    {
        var firing = rng.Range(30, 70);
        var wander = rng.Range(0.05, 0.15);
        var wanderHz = rng.Range(0.1, 0.4);
        var gains = Harmonics(16, h => 1 / Math.Pow(h, 0.7));
        SynthDsp.AddTone(b, 0, b.Length, t => firing * (1 + (wander * Math.Sin(2 * Math.PI * wanderHz * t))),
            t => 1 + (0.3 * Math.Sin(2 * Math.PI * firing * 0.5 * t)), gains);
        SynthDsp.AddNoise(b, 0, b.Length, 250, 0.7, _ => 1.5, rng);
    }

    private static void Helicopter(float[] b, SynthRandom rng)
    {
        var blade = rng.Range(8, 18);
        var center = rng.Range(400, 800);
        SynthDsp.AddNoise(b, 0, b.Length, center, 0.6, t => 0.6 + (3 * Math.Pow(0.5 + (0.5 * Math.Cos(2 * Math.PI * blade * t)), 8)), rng);
        SynthDsp.AddTone(b, 0, b.Length, _ => blade * 4, t => 0.4 * Math.Pow(0.5 + (0.5 * Math.Cos(2 * Math.PI * blade * t)), 4), [1.0, 0.5, 0.3]);
        var turbine = center * rng.Range(2.5, 3.0);
        SynthDsp.AddTone(b, 0, b.Length, _ => turbine, _ => 0.05, [1.0]);
    }

    private static void Clock(float[] b, SynthRandom rng)
    {
        var tickHz = rng.Range(2000, 4000);
        var period = rng.Range(0.25, 0.5);
        var tick = 0;
        Sequence(b, rng, () => period, start =>
        {
            var f = tick++ % 2 == 0 ? tickHz : tickHz * 0.75;
            SynthDsp.AddTone(b, start, SynthDsp.Samples(0.05), _ => f, t => Math.Exp(-t / 0.008), [1.0, 0.4]);
            SynthDsp.AddTone(b, start, SynthDsp.Samples(0.08), _ => 800, t => 0.5 * Math.Exp(-t / 0.02), [1.0]);
            SynthDsp.AddNoise(b, start, SynthDsp.Samples(0.004), 5000, 1, _ => 0.8, rng);
        });
    }

    // Voiced syllables with vowel formants, grouped into words; formants scale with the speaker's vocal tract.
    private static void Speech(float[] b, SynthRandom rng, double pitch, double formantScale)
    {
        (double F1, double F2, double F3)[] vowels = [(730, 1090, 2440), (270, 2290, 3010), (300, 870, 2240), (530, 1840, 2480), (570, 840, 2410)];
        var t0 = rng.Range(0, 0.2);
        while (t0 < b.Length / (double)SynthDsp.Rate)
        {
            var syllables = rng.Between(1, 4);
            for (var s = 0; s < syllables; s++)
            {
                var duration = rng.Range(0.12, 0.28);
                var (f1, f2, f3) = rng.Pick(vowels);
                var f = pitch * rng.Range(0.9, 1.15);
                var gains = Harmonics(24, h => SynthDsp.Formants(h * f, (f1 * formantScale, 90, 1.0), (f2 * formantScale, 120, 0.6), (f3 * formantScale, 160, 0.3)) / Math.Sqrt(h));
                SynthDsp.AddTone(b, SynthDsp.Samples(t0), SynthDsp.Samples(duration), t => f * (1 - (0.1 * t / duration)),
                    t => SynthDsp.AttackRelease(t, duration, 0.015, 0.03), gains);
                t0 += duration + rng.Range(0.02, 0.06);
            }

            t0 += rng.Range(0.15, 0.5);
        }
    }
}

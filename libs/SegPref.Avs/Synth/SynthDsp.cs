namespace SegPref.Avs.Synth;

/// <summary>Small synthesis primitives at 16 kHz: a table sine, additive tones and filtered noise.</summary>
internal static class SynthDsp
{
    public const int Rate = SynthConfig.SampleRateHz;
    private const double Nyquist = Rate / 2.0;
    private const int TableSize = 4096;
    private static readonly float[] SineTable = Enumerable.Range(0, TableSize + 1).Select(i => (float)Math.Sin(2 * Math.PI * i / TableSize)).ToArray();

    /// <summary>sin(2 pi phase) for a phase in cycles, by linear table lookup (the hot loop of every source).</summary>
    public static float Sin(double phase)
    {
        var x = (phase - Math.Floor(phase)) * TableSize;
        var i = (int)x;
        var frac = (float)(x - i);
        return SineTable[i] + ((SineTable[i + 1] - SineTable[i]) * frac);
    }

    /// <summary>
    /// Adds a harmonic tone starting at sample <paramref name="start"/>: <paramref name="f0"/> and <paramref name="env"/>
    /// are functions of seconds since the note start; partial h (1-based) has gain gains[h - 1], an exponential decay of
    /// decayPerSec(h) and frequency h f0 sqrt(1 + B h^2) (B = inharmonicity, e.g. for piano strings).
    /// </summary>
    public static void AddTone(float[] buffer, int start, int length, Func<double, double> f0, Func<double, double> env,
        double[] gains, Func<int, double>? decayPerSec = null, double inharmonicity = 0)
    {
        var end = Math.Min(buffer.Length, start + length);
        var first = Math.Max(0, start);
        if (first >= end)
        {
            return;
        }

        var stretch = gains.Select((_, k) => (k + 1) * Math.Sqrt(1 + (inharmonicity * (k + 1) * (k + 1)))).ToArray();
        var phases = new double[gains.Length];
        var levels = gains.ToArray();
        var decay = gains.Select((_, k) => decayPerSec is null ? 1.0 : Math.Exp(-decayPerSec(k + 1) / Rate)).ToArray();
        for (var n = first; n < end; n++)
        {
            var t = (n - start) / (double)Rate;
            var f = f0(t);
            var sum = 0.0;
            for (var k = 0; k < gains.Length; k++)
            {
                var fk = f * stretch[k];
                if (fk < Nyquist * 0.95)
                {
                    sum += levels[k] * Sin(phases[k]);
                }

                phases[k] += fk / Rate;
                levels[k] *= decay[k];
            }

            buffer[n] += (float)(sum * env(t));
        }
    }

    /// <summary>Adds noise through a two-pole band-pass at <paramref name="centerHz"/> (quality <paramref name="q"/>), shaped by env(t).</summary>
    public static void AddNoise(float[] buffer, int start, int length, double centerHz, double q, Func<double, double> env, SynthRandom rng)
    {
        var end = Math.Min(buffer.Length, start + length);
        var w = 2 * Math.PI * Math.Min(centerHz, Nyquist * 0.9) / Rate;
        var alpha = Math.Sin(w) / (2 * q);
        var (b0, a1, a2) = (alpha / (1 + alpha), -2 * Math.Cos(w) / (1 + alpha), (1 - alpha) / (1 + alpha));
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (var n = Math.Max(0, start); n < end; n++)
        {
            var x = rng.Gaussian();
            var y = (b0 * x) - (b0 * x2) - (a1 * y1) - (a2 * y2);
            (x2, x1, y2, y1) = (x1, x, y1, y);
            buffer[n] += (float)(y * env((n - start) / (double)Rate));
        }
    }

    /// <summary>Gain of harmonic frequency <paramref name="hz"/> through resonances (formants) given as (centre, bandwidth, level).</summary>
    public static double Formants(double hz, params (double Center, double Bandwidth, double Level)[] formants) =>
        formants.Sum(f => f.Level / (1 + Math.Pow((hz - f.Center) / f.Bandwidth, 2)));

    /// <summary>Attack-release envelope: linear rise over attack seconds, linear fall over the last release seconds.</summary>
    public static double AttackRelease(double t, double duration, double attack, double release) =>
        Math.Clamp(Math.Min(t / attack, (duration - t) / release), 0, 1);

    public static int Samples(double seconds) => (int)Math.Round(seconds * Rate);
}

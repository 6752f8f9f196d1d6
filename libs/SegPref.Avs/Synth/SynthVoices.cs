namespace SegPref.Avs.Synth;

/// <summary>
/// One distinct sound per sound-capable class (timbre, pitch range, envelope, rhythm). Pitch, tempo and level
/// are drawn per clip, so a class is recognisable without being a fixed template.
/// </summary>
internal static partial class SynthVoices
{
    /// <summary>Writes the class's source signal over the whole buffer (unnormalised; the mixer sets levels).</summary>
    public static void Render(string kind, float[] buffer, SynthRandom rng)
    {
        Action<float[], SynthRandom> voice = kind switch
        {
            "guitar" => Guitar, "piano" => Piano, "violin" => Violin, "drum" => Drum, "trumpet" => Trumpet,
            "dog" => Dog, "cat" => Cat, "bird" => Bird, "baby" => Baby,
            "car" => Car, "helicopter" => Helicopter, "clock" => Clock,
            "man" => (b, r) => Speech(b, r, r.Range(90, 150), 1.0),
            "woman" => (b, r) => Speech(b, r, r.Range(170, 255), 1.15),
            _ => throw new ArgumentException($"'{kind}' has no AVS-Synth sound.", nameof(kind)),
        };
        voice(buffer, rng);
    }

    /// <summary>Calls <paramref name="note"/> at onsets spaced by <paramref name="gap"/>() seconds until the buffer ends.</summary>
    private static void Sequence(float[] buffer, SynthRandom rng, Func<double> gap, Action<int> note)
    {
        var t = rng.Range(0, 0.3);
        while (t < buffer.Length / (double)SynthDsp.Rate)
        {
            note(SynthDsp.Samples(t));
            t += gap();
        }
    }

    private static double[] Harmonics(int count, Func<int, double> gain) => Enumerable.Range(1, count).Select(gain).ToArray();

    // Notes of a pentatonic scale above a base frequency.
    private static double Pentatonic(double baseHz, SynthRandom rng)
    {
        int[] steps = [0, 2, 4, 7, 9, 12];
        return baseHz * Math.Pow(2, rng.Pick(steps) / 12.0);
    }
}

using SegPref.Media.Audio;

namespace SegPref.Models.Audio;

/// <summary>
/// Training augmentation applied to pre-computed log-mel examples, so the front end runs once per clip: a random
/// gain of ±6 dB (exact in the mel domain: mel energies scale with the waveform amplitude) and, with probability 1/2,
/// light white noise at 10-30 dB SNR relative to the clip's power (approximate: the mel magnitudes of a pre-computed
/// unit-variance noise recording are added to the signal's, as if their spectra added in phase).
/// </summary>
internal sealed class MelAugmentation
{
    private const int NoiseSeconds = 8;
    private readonly float[] _unitNoiseMel;
    private readonly int _noiseExamples;

    public MelAugmentation(int seed)
    {
        // Mel magnitudes scale with amplitude, so noise at sigma = 0.1 (well above the log offset) divided by 0.1
        // is the mel of unit-power noise.
        const double Sigma = 0.1;
        var noise = AudioPerturbation.GaussianNoise(NoiseSeconds * VggishLogMel.SampleRateHz, Sigma, seed);
        var examples = VggishLogMel.ComputeExamples(new AudioClip(noise, VggishLogMel.SampleRateHz));
        _unitNoiseMel = examples.Data.Select(x => (float)((Math.Exp(x) - VggishLogMel.LogOffset) / Sigma)).ToArray();
        _noiseExamples = examples.Count;
    }

    /// <summary>Writes the augmented copy of <paramref name="source"/> (one 96 × 64 example) into <paramref name="target"/>.</summary>
    public void Apply(ReadOnlySpan<float> source, Span<float> target, double signalPower, Random random)
    {
        var gain = (float)Math.Pow(10, ((random.NextDouble() * 12) - 6) / 20);
        var sigma = 0f;
        var noise = ReadOnlySpan<float>.Empty;
        if (random.NextDouble() < 0.5 && signalPower > 0)
        {
            var snrDb = 10 + (random.NextDouble() * 20);
            sigma = (float)Math.Sqrt(signalPower / Math.Pow(10, snrDb / 10));
            noise = _unitNoiseMel.AsSpan(random.Next(_noiseExamples) * LogMelExamples.ExampleSize, LogMelExamples.ExampleSize);
        }

        var offset = (float)VggishLogMel.LogOffset;
        for (var i = 0; i < source.Length; i++)
        {
            var mel = MathF.Max(0, MathF.Exp(source[i]) - offset);
            if (sigma > 0)
            {
                mel += sigma * noise[i];
            }

            target[i] = MathF.Log((gain * mel) + offset);
        }
    }
}

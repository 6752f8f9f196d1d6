namespace SegPref.Media.Tests.Audio;

/// <summary>Test signals and measurements shared by the audio tests.</summary>
internal static class Signals
{
    public static float[] Tone(double frequencyHz, int sampleRateHz, double seconds, double amplitude = 0.5)
    {
        var samples = new float[(int)Math.Round(seconds * sampleRateHz)];
        for (var n = 0; n < samples.Length; n++)
        {
            samples[n] = (float)(amplitude * Math.Sin(2 * Math.PI * frequencyHz * n / sampleRateHz));
        }

        return samples;
    }

    /// <summary>Amplitude of the <paramref name="frequencyHz"/> component of x[start..start+count) by quadrature projection.</summary>
    public static double AmplitudeAt(float[] x, double frequencyHz, int sampleRateHz, int start, int count)
    {
        double sin = 0, cos = 0;
        for (var n = start; n < start + count; n++)
        {
            var phase = 2 * Math.PI * frequencyHz * n / sampleRateHz;
            sin += x[n] * Math.Sin(phase);
            cos += x[n] * Math.Cos(phase);
        }

        return 2 * Math.Sqrt((sin * sin) + (cos * cos)) / count;
    }

    public static double Rms(float[] x, int start, int count)
    {
        double sum = 0;
        for (var n = start; n < start + count; n++)
        {
            sum += (double)x[n] * x[n];
        }

        return Math.Sqrt(sum / count);
    }
}

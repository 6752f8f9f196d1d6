namespace SegPref.Media.Audio;

/// <summary>A mono waveform: samples in [-1, 1] at <see cref="SampleRateHz"/>.</summary>
/// <param name="Samples">Mono samples, nominally in [-1, 1].</param>
/// <param name="SampleRateHz">Sample rate in hertz.</param>
public sealed record AudioClip(float[] Samples, int SampleRateHz)
{
    /// <summary>Duration in seconds.</summary>
    public double DurationSeconds => SampleRateHz > 0 ? (double)Samples.Length / SampleRateHz : 0;
}

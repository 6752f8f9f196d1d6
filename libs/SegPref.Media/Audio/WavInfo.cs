namespace SegPref.Media.Audio;

/// <summary>What a WAV header declares, read without decoding a sample (see <see cref="WavFile.Inspect"/>).</summary>
/// <param name="SampleRateHz">Frames per second.</param>
/// <param name="Channels">Interleaved channels per frame.</param>
/// <param name="BitsPerSample">Container size of one sample in bits.</param>
/// <param name="IsFloat">IEEE float samples rather than integer PCM.</param>
/// <param name="Frames">Whole frames present in the data chunk.</param>
public sealed record WavInfo(int SampleRateHz, int Channels, int BitsPerSample, bool IsFloat, long Frames)
{
    /// <summary>Duration in seconds.</summary>
    public double DurationSeconds => (double)Frames / SampleRateHz;
}

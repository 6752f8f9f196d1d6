namespace SegPref.Media.Audio;

/// <summary>Sample encodings that <see cref="WavFile"/> writes.</summary>
public enum WavSampleFormat
{
    /// <summary>16-bit signed integer PCM (WAVE_FORMAT_PCM).</summary>
    Pcm16,

    /// <summary>32-bit IEEE float (WAVE_FORMAT_IEEE_FLOAT).</summary>
    IeeeFloat32,
}

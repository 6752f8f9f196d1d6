using SegPref.Media.Audio;

namespace SegPref.Serving.Inputs;

/// <summary>Decoded request audio and its share of the decode budget, given back on dispose.</summary>
public sealed class DecodedAudio(AudioClip clip, IDisposable lease) : IDisposable
{
    /// <summary>Mono samples at the audio's own rate.</summary>
    public AudioClip Clip { get; } = clip;

    /// <inheritdoc/>
    public void Dispose() => lease.Dispose();
}

using SegPref.Contracts.Common.V1;
using SegPref.Media.Audio;

namespace SegPref.Serving.Inputs;

/// <summary>Checks and decodes request audio (WAV of any rate and channel count, or float PCM).</summary>
public static class AudioInputs
{
    /// <summary>Decodes <paramref name="audio"/> to mono samples at its own rate.</summary>
    /// <param name="audio">The request's audio.</param>
    /// <param name="limits">The service's limits (MaxAudioSeconds).</param>
    /// <exception cref="ArgumentException">Missing, empty, undecodable, or over MaxAudioSeconds.</exception>
    public static AudioClip Decode(Audio? audio, InputLimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var clip = audio?.SourceCase switch
        {
            Audio.SourceOneofCase.Wav => DecodeWav(audio.Wav.ToByteArray()),
            Audio.SourceOneofCase.Pcm => DecodePcm(audio.Pcm),
            _ => throw new ArgumentException("audio: set either wav (a WAV file) or pcm (float samples and a rate).", nameof(audio)),
        };

        if (clip.Samples.Length == 0)
        {
            throw new ArgumentException("audio: there are no samples.", nameof(audio));
        }

        if (clip.DurationSeconds > limits.MaxAudioSeconds)
        {
            throw new ArgumentException(
                $"audio: {clip.DurationSeconds:F2} s is over the limit of {limits.MaxAudioSeconds} s (Limits:MaxAudioSeconds).", nameof(audio));
        }

        return clip;
    }

    private static AudioClip DecodeWav(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            throw new ArgumentException("audio.wav: the WAV data is empty.", nameof(bytes));
        }

        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return WavFile.Read(stream, "audio.wav");
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or NotSupportedException)
        {
            throw new ArgumentException($"audio.wav: {ex.Message}", nameof(bytes), ex);
        }
    }

    private static AudioClip DecodePcm(PcmAudio pcm)
    {
        if (pcm.SampleRateHz is < 1000 or > 384_000)
        {
            throw new ArgumentException($"audio.pcm.sample_rate_hz: {pcm.SampleRateHz} Hz is outside 1000..384000.", nameof(pcm));
        }

        if (pcm.Samples is null)
        {
            throw new ArgumentException("audio.pcm.samples: missing.", nameof(pcm));
        }

        var samples = pcm.Samples.ToFloats1D("audio.pcm.samples");
        if (samples.Any(s => !float.IsFinite(s)))
        {
            throw new ArgumentException("audio.pcm.samples: contains NaN or infinity.", nameof(pcm));
        }

        return new AudioClip(samples, pcm.SampleRateHz);
    }
}

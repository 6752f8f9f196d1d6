using SegPref.Contracts.Common.V1;
using SegPref.Media.Audio;

namespace SegPref.Serving.Inputs;

/// <summary>
/// Checks request audio (WAV of any rate and channel count, or float PCM). Everything a header or a length
/// declares (rate, duration) is checked before a sample is decoded; the samples themselves must be finite.
/// </summary>
public static class AudioInputs
{
    /// <summary>What a request's audio declares, checked against the limits: rate, samples, and the decoded bytes it needs.</summary>
    /// <param name="SampleRateHz">Declared rate.</param>
    /// <param name="Samples">Mono samples after decoding.</param>
    public sealed record Declared(int SampleRateHz, long Samples)
    {
        /// <summary>Seconds of audio.</summary>
        public double Seconds => (double)Samples / SampleRateHz;

        /// <summary>Decoded floats at the source rate plus the 16 kHz copy and the log-mel frames made from it.</summary>
        public long DecodedBytes => (Samples * sizeof(float)) + (long)Math.Ceiling(Seconds * VggishLogMel.SampleRateHz * sizeof(float) * 2);
    }

    /// <summary>Reads and checks what <paramref name="audio"/> declares, without decoding samples.</summary>
    /// <exception cref="ArgumentException">Missing, empty, unreadable header, a rate outside the limits, or too long.</exception>
    public static Declared Inspect(Audio? audio, InputLimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var declared = audio?.SourceCase switch
        {
            Audio.SourceOneofCase.Wav => InspectWav(audio.Wav.Memory),
            Audio.SourceOneofCase.Pcm => InspectPcm(audio.Pcm),
            _ => throw new ArgumentException("audio: set either wav (a WAV file) or pcm (float samples and a rate).", nameof(audio)),
        };
        var field = audio.SourceCase == Audio.SourceOneofCase.Wav ? "audio.wav" : "audio.pcm.sample_rate_hz";
        if (declared.SampleRateHz < limits.MinSampleRateHz || declared.SampleRateHz > limits.MaxSampleRateHz)
        {
            throw new ArgumentException(
                $"{field}: {declared.SampleRateHz} Hz is outside {limits.MinSampleRateHz}..{limits.MaxSampleRateHz} Hz (Limits:MinSampleRateHz, Limits:MaxSampleRateHz).",
                nameof(audio));
        }

        if (declared.Samples == 0)
        {
            throw new ArgumentException("audio: there are no samples.", nameof(audio));
        }

        if (declared.Seconds > limits.MaxAudioSeconds)
        {
            throw new ArgumentException(
                $"audio: {declared.Seconds:F2} s is over the limit of {limits.MaxAudioSeconds} s (Limits:MaxAudioSeconds).", nameof(audio));
        }

        return declared;
    }

    /// <summary>Decodes audio that <see cref="Inspect"/> accepted to mono samples at its own rate.</summary>
    /// <exception cref="ArgumentException">Undecodable, or a sample that is NaN or infinite.</exception>
    internal static AudioClip Decode(Audio audio)
    {
        var (clip, field) = audio.SourceCase == Audio.SourceOneofCase.Wav
            ? (DecodeWav(audio.Wav.Memory), "audio.wav")
            : (new AudioClip(audio.Pcm.Samples.ToFloats1D("audio.pcm.samples"), audio.Pcm.SampleRateHz), "audio.pcm.samples");
        var bad = Array.FindIndex(clip.Samples, s => !float.IsFinite(s));
        if (bad >= 0)
        {
            throw new ArgumentException($"{field}: sample {bad} is {clip.Samples[bad]}; audio samples must be finite.", nameof(audio));
        }

        return clip;
    }

    private static Declared InspectWav(ReadOnlyMemory<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            throw new ArgumentException("audio.wav: the WAV data is empty.", nameof(bytes));
        }

        try
        {
            var info = WavFile.Inspect(bytes, "audio.wav");
            return new Declared(info.SampleRateHz, info.Frames);
        }
        catch (InvalidDataException ex)
        {
            throw new ArgumentException(ex.Message, nameof(bytes), ex);
        }
    }

    private static AudioClip DecodeWav(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            return WavFile.Read(bytes, "audio.wav");
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or NotSupportedException)
        {
            throw new ArgumentException($"audio.wav: {ex.Message}", nameof(bytes), ex);
        }
    }

    private static Declared InspectPcm(PcmAudio pcm)
    {
        if (pcm.Samples is null)
        {
            throw new ArgumentException("audio.pcm.samples: missing.", nameof(pcm));
        }

        if (pcm.Samples.Dtype != DataType.Float32 || pcm.Samples.Shape.Count != 1 || pcm.Samples.Shape[0] * sizeof(float) != pcm.Samples.Data.Length)
        {
            // The reader names the exact problem (dtype, rank or byte length).
            _ = pcm.Samples.ToFloats1D("audio.pcm.samples");
        }

        return new Declared(pcm.SampleRateHz, pcm.Samples.Data.Length / sizeof(float));
    }
}

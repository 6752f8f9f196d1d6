using System.Buffers.Binary;

namespace SegPref.Media.Audio;

/// <summary>Reads and writes RIFF/WAVE files.</summary>
public static partial class WavFile
{
    /// <summary>Writes mono samples as a WAV file.</summary>
    public static void Write(string path, AudioClip clip, WavSampleFormat format = WavSampleFormat.Pcm16)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.Create(path);
        Write(stream, clip, format);
    }

    /// <summary>Writes mono samples as WAV to a stream. Samples outside [-1, 1] are clipped for PCM16.</summary>
    public static void Write(Stream stream, AudioClip clip, WavSampleFormat format = WavSampleFormat.Pcm16)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(clip);
        if (clip.SampleRateHz <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(clip), clip.SampleRateHz, "Sample rate must be positive.");
        }

        var bytesPerSample = format == WavSampleFormat.Pcm16 ? 2 : 4;
        var dataBytes = checked(clip.Samples.Length * bytesPerSample);
        var header = new byte[44];
        var span = header.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], 36 + dataBytes);
        "WAVE"u8.CopyTo(span[8..]);
        "fmt "u8.CopyTo(span[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], (short)(format == WavSampleFormat.Pcm16 ? 1 : 3));
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], clip.SampleRateHz);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], clip.SampleRateHz * bytesPerSample);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], (short)bytesPerSample);
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], (short)(bytesPerSample * 8));
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], dataBytes);
        stream.Write(header);

        var data = new byte[dataBytes];
        var samples = clip.Samples;
        for (var i = 0; i < samples.Length; i++)
        {
            if (format == WavSampleFormat.Pcm16)
            {
                var v = Math.Clamp(samples[i], -1f, 1f);
                var q = (short)Math.Round(v < 0 ? v * 32768f : v * 32767f);
                BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(i * 2), q);
            }
            else
            {
                BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(i * 4), samples[i]);
            }
        }

        stream.Write(data);
    }
}

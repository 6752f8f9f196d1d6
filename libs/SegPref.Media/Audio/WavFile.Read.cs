namespace SegPref.Media.Audio;

public static partial class WavFile
{
    /// <summary>Reads a WAV file as a mono clip; multi-channel audio is downmixed by averaging the channels.</summary>
    /// <exception cref="InvalidDataException">The file is not a WAV file, is corrupt or truncated, or uses an unsupported encoding.</exception>
    public static AudioClip Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.OpenRead(path);
        return Read(stream, Path.GetFileName(path));
    }

    /// <summary>Reads WAV data from a stream as a mono clip (see <see cref="Read(string)"/>).</summary>
    /// <param name="stream">The WAV bytes; read to its end.</param>
    /// <param name="sourceName">Names the source in error messages (e.g. the file name).</param>
    /// <remarks>
    /// Supported: PCM 8 (unsigned), 16, 24 and 32-bit integer, IEEE float 32 and 64-bit, and
    /// WAVE_FORMAT_EXTENSIBLE with a PCM or float sub-format; any sample rate and channel count.
    /// Unknown chunks (LIST, fact, ...) are skipped. A data chunk shorter than its header declares is an
    /// error, not a silent partial read, so a cut-off download is noticed; the one exception is the size
    /// 0xFFFFFFFF that streaming writers use for "unknown length", which reads to the end of the data.
    /// </remarks>
    /// <exception cref="InvalidDataException">The data is not a WAV file, is corrupt or truncated, or uses an unsupported encoding.</exception>
    public static AudioClip Read(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            stream.CopyTo(buffer);
            bytes = buffer.ToArray();
        }

        return Read(bytes, sourceName);
    }

    /// <summary>Reads WAV bytes as a mono clip (see <see cref="Read(Stream, string)"/>).</summary>
    /// <exception cref="InvalidDataException">The data is not a WAV file, is corrupt or truncated, or uses an unsupported encoding.</exception>
    public static AudioClip Read(ReadOnlyMemory<byte> bytes, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        var (format, data) = FindChunks(bytes, sourceName);
        return new AudioClip(DecodeMono(data.Span, format), format.SampleRateHz);
    }

    /// <summary>
    /// What the header declares (rate, channels, sample format, frames present), without decoding: a caller checks
    /// these against its limits before it spends any memory or time on the samples.
    /// </summary>
    /// <exception cref="InvalidDataException">The data is not a WAV file, is corrupt or truncated, or uses an unsupported encoding.</exception>
    public static WavInfo Inspect(ReadOnlyMemory<byte> bytes, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        var (format, data) = FindChunks(bytes, sourceName);
        return new WavInfo(format.SampleRateHz, format.Channels, format.BitsPerSample, format.IsFloat, data.Length / format.BlockAlign);
    }
}

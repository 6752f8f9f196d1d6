using System.Buffers.Binary;

namespace SegPref.Media.Audio;

public static partial class WavFile
{
    /// <summary>Decodes interleaved frames to mono floats, averaging the channels of each frame.</summary>
    private static float[] DecodeMono(ReadOnlySpan<byte> data, WavFormat format)
    {
        var frames = data.Length / format.BlockAlign;
        var bytesPerSample = format.BitsPerSample / 8;
        var channels = format.Channels;
        var samples = new float[frames];
        for (var i = 0; i < frames; i++)
        {
            var frame = data.Slice(i * format.BlockAlign, format.BlockAlign);
            double sum = 0;
            for (var c = 0; c < channels; c++)
            {
                sum += DecodeSample(frame.Slice(c * bytesPerSample, bytesPerSample), format);
            }

            samples[i] = (float)(sum / channels);
        }

        return samples;
    }

    /// <summary>Maps one sample to [-1, 1): integers are divided by 2^(bits-1); 8-bit PCM is unsigned.</summary>
    private static double DecodeSample(ReadOnlySpan<byte> s, WavFormat format) => format.BitsPerSample switch
    {
        32 when format.IsFloat => BinaryPrimitives.ReadSingleLittleEndian(s),
        64 => BinaryPrimitives.ReadDoubleLittleEndian(s),
        8 => (s[0] - 128) / 128.0,
        16 => BinaryPrimitives.ReadInt16LittleEndian(s) / 32768.0,
        24 => ((s[2] << 24) | (s[1] << 16) | (s[0] << 8)) / 2147483648.0,
        _ => BinaryPrimitives.ReadInt32LittleEndian(s) / 2147483648.0,
    };
}

using System.Buffers.Binary;

namespace SegPref.Mesh.Tests.Infrastructure;

/// <summary>WAV files a client could send: float samples (also NaN), and any declared rate.</summary>
internal static class TestWav
{
    public static byte[] Float32(float[] samples, int rateHz)
    {
        var data = new byte[samples.Length * 4];
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(i * 4), samples[i]);
        }

        return Build(3, 1, rateHz, 32, data);
    }

    /// <summary>16-bit mono PCM that declares <paramref name="rateHz"/> (the resampling bomb declares 2,147,483,647 Hz).</summary>
    public static byte[] Pcm16(int frames, int rateHz) => Build(1, 1, rateHz, 16, new byte[frames * 2]);

    private static byte[] Build(short format, short channels, int rateHz, short bits, byte[] data)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(36 + data.Length);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write(format);
        writer.Write(channels);
        writer.Write(rateHz);
        writer.Write((int)Math.Min(int.MaxValue, (long)rateHz * channels * bits / 8));
        writer.Write((short)(channels * bits / 8));
        writer.Write(bits);
        writer.Write("data"u8);
        writer.Write(data.Length);
        writer.Write(data);
        writer.Flush();
        return stream.ToArray();
    }
}

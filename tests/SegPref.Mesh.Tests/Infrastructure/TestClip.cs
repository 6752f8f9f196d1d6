using System.Buffers.Binary;
using Google.Protobuf;
using SegPref.Contracts.Common.V1;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Media.Imaging;

namespace SegPref.Mesh.Tests.Infrastructure;

/// <summary>A small clip made here: frames with a red square moving over grey, and a stereo 22.05 kHz tone.</summary>
internal static class TestClip
{
    public const int Width = 64;
    public const int Height = 48;

    public static byte[][] Frames(int count)
    {
        var frames = new byte[count][];
        for (var t = 0; t < count; t++)
        {
            var image = RgbImage.Filled(Width, Height, (90, 90, 90));
            for (var y = 10; y < 30; y++)
            {
                for (var x = 5 + (t * 4); x < 25 + (t * 4); x++)
                {
                    var i = ((y * Width) + x) * 3;
                    image.Pixels[i] = 230;
                    image.Pixels[i + 1] = 30;
                    image.Pixels[i + 2] = 30;
                }
            }

            frames[t] = ImageCodec.EncodePng(image);
        }

        return frames;
    }

    /// <summary>A 16-bit stereo WAV of a 440 Hz tone (any rate and channel count must be accepted).</summary>
    public static byte[] StereoWav(double seconds, int rateHz = 22050, double amplitude = 0.5)
    {
        var frames = (int)(seconds * rateHz);
        var data = new byte[frames * 4];
        for (var i = 0; i < frames; i++)
        {
            var v = (short)(amplitude * short.MaxValue * Math.Sin(2 * Math.PI * 440 * i / rateHz));
            BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(i * 4), v);
            BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan((i * 4) + 2), v);
        }

        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(36 + data.Length);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)2);
        writer.Write(rateHz);
        writer.Write(rateHz * 4);
        writer.Write((short)4);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(data.Length);
        writer.Write(data);
        writer.Flush();
        return stream.ToArray();
    }

    public static PipelineRequest Request(int frames = 5, bool reliance = true)
    {
        var request = new PipelineRequest
        {
            Audio = new Audio { Wav = ByteString.CopyFrom(StereoWav(frames)) },
            AudioReliance = reliance,
        };
        request.Frames.AddRange(Frames(frames).Select(f => new Image { Data = ByteString.CopyFrom(f), Format = "png" }));
        return request;
    }
}

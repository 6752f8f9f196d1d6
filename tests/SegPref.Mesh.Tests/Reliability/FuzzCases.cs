using System.Buffers.Binary;
using Google.Protobuf;
using SegPref.Contracts.Audio.V1;
using SegPref.Contracts.Captioner.V1;
using SegPref.Contracts.Common.V1;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Contracts.TextCues.V1;
using SegPref.Media.Imaging;
using SegPref.Mesh.Tests.Infrastructure;
using SegPref.Mesh.Tests.TestModels;

namespace SegPref.Mesh.Tests.Reliability;

/// <summary>
/// Deterministic fuzz cases (one seed per case): structured mutations of valid requests (what a confused client
/// builds: wrong counts, sizes, rates, shapes, non-finite values, hostile headers) and raw byte mutations of their
/// serialized form (what a broken one sends).
/// </summary>
internal static class FuzzCases
{
    public static readonly string[] Methods =
    [
        "/segpref.captioner.v1.Captioner/Caption",
        "/segpref.textcues.v1.TextCues/Extract",
        "/segpref.audio.v1.AudioEncoder/Encode",
        "/segpref.segmentation.v1.Segmenter/Segment",
        "/segpref.segmentation.v1.Pipeline/Segment",
    ];

    private const string JsonNoise = "{}[]\":,0aZ\\\u0000\u00e9";

    private static readonly ByteString Frame = ByteString.CopyFrom(TestClip.Frames(1)[0]);
    private static readonly ByteString Wav = ByteString.CopyFrom(TestClip.StereoWav(1));

    // A PNG header claiming 60000x60000 (3.6 G pixels) in 70 bytes, and one claiming 4000x4000 that is all black.
    private static readonly ByteString HugeHeaderPng = ByteString.CopyFrom(PngWithSize(60000, 60000));
    private static readonly ByteString BigBlackPng = ByteString.CopyFrom(ImageCodec.EncodePng(new RgbImage(4000, 4000)));

    /// <summary>The valid request of <paramref name="method"/>, mutated structurally as seed <paramref name="seed"/> says.</summary>
    public static IMessage Structured(string method, int seed)
    {
        var random = new Random(seed);
        IMessage message = method switch
        {
            _ when method.Contains("Captioner", StringComparison.Ordinal) => new CaptionRequest { Images = { Images(random) } },
            _ when method.Contains("TextCues", StringComparison.Ordinal) => new ExtractRequest { Descriptions = { Descriptions(random) } },
            _ when method.Contains("AudioEncoder", StringComparison.Ordinal) => new EncodeRequest { Audio = AudioOf(random), Seconds = Pick(random, 1, 1, 0, -1, 3, 31, int.MaxValue) },
            _ when method.Contains("Segmenter", StringComparison.Ordinal) => SegmentRequestOf(random),
            _ => new PipelineRequest { Frames = { Images(random) }, Audio = AudioOf(random), AudioReliance = random.Next(2) == 0, IncludeProbability = random.Next(2) == 0 },
        };
        return message;
    }

    /// <summary>The serialized valid request with 1-8 random byte flips, insertions, deletions or a truncation.</summary>
    public static byte[] Raw(string method, int seed)
    {
        var random = new Random(seed);
        var bytes = new List<byte>(Structured(method, 0).ToByteArray());
        for (var m = random.Next(1, 9); m > 0 && bytes.Count > 0; m--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                case 2:
                    bytes.RemoveAt(at);
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }

    /// <summary>A JSON body for POST /v1/segment: the valid request's JSON, mutated structurally or byte-wise.</summary>
    public static string Rest(int seed)
    {
        var random = new Random(seed);
        var json = JsonFormatter.Default.Format(Structured(Methods[4], seed));
        if (random.Next(2) == 0)
        {
            return json;
        }

        var chars = json.ToCharArray().ToList();
        for (var m = random.Next(1, 6); m > 0 && chars.Count > 0; m--)
        {
            var at = random.Next(chars.Count);
            if (random.Next(3) == 0)
            {
                chars.RemoveRange(at, chars.Count - at);
            }
            else
            {
                chars[at] = JsonNoise[random.Next(JsonNoise.Length)];
            }
        }

        return new string([.. chars]);
    }

    private static IEnumerable<Image> Images(Random random)
    {
        var count = Pick(random, 1, 1, 2, 3, 0, 17);
        for (var i = 0; i < count; i++)
        {
            var data = random.Next(10) switch
            {
                0 => ByteString.Empty,
                1 => ByteString.CopyFrom(RandomBytes(random, random.Next(1, 300))),
                2 => ByteString.CopyFrom(Frame.Span[..random.Next(1, Frame.Length)]),
                3 => HugeHeaderPng,
                4 => random.Next(4) == 0 ? BigBlackPng : Frame,
                5 => ByteString.CopyFrom(ImageCodec.EncodePng(RgbImage.Filled(random.Next(1, 40), random.Next(1, 40), (1, 2, 3)))),
                _ => Frame,
            };
            yield return new Image { Data = data, Format = random.Next(8) == 0 ? "jpeg" : "png" };
        }
    }

    private static IEnumerable<string> Descriptions(Random random)
    {
        var count = Pick(random, 1, 1, 2, 0, 17);
        for (var i = 0; i < count; i++)
        {
            yield return random.Next(6) switch
            {
                0 => string.Empty,
                1 => "   ",
                2 => new string('x', Pick(random, 2000, 2001, 50_000)),
                3 => "a dog \u0000 and a \u202e guitar \ud83c\udfb8",
                _ => "a man playing a guitar on the left and a dog in the center",
            };
        }
    }

    private static Audio? AudioOf(Random random) => random.Next(9) switch
    {
        0 => null,
        1 => new Audio(),
        2 => new Audio { Wav = ByteString.CopyFrom(TestWav.Pcm16(random.Next(0, 5000), Pick(random, int.MaxValue, 0, 1, 999, 192_001, 384_000, 44_100))) },
        3 => new Audio { Wav = ByteString.CopyFrom(TestWav.Float32(NonFinite(random, 16000), Pick(random, 16000, 22050))) },
        4 => new Audio { Wav = ByteString.CopyFrom(Wav.Span[..random.Next(1, Wav.Length)]) },
        5 => new Audio { Pcm = new PcmAudio { Samples = TensorOf(random, 1), SampleRateHz = Pick(random, 16000, 0, -5, 999_999, int.MaxValue) } },
        6 => new Audio { Wav = ByteString.CopyFrom(TestClip.StereoWav(31, rateHz: 8000)) },
        _ => new Audio { Wav = Wav },
    };

    private static SegmentRequest SegmentRequestOf(Random random)
    {
        var frames = Images(random).ToList();
        var n = Math.Max(1, frames.Count);
        var request = new SegmentRequest
        {
            AudioEmbeddings = random.Next(3) == 0 ? TensorOf(random, 2) : Tensor.FromFloatSpan(NonFinite(random, n * 128), n, 128),
            CueEmbeddings = random.Next(3) == 0 ? TensorOf(random, 3) : Tensor.FromFloatSpan(NonFinite(random, n * 4 * TestCueEmbedder.Width), n, 4, TestCueEmbedder.Width),
            CueValid = random.Next(4) == 0 ? TensorOf(random, 2) : Tensor.FromBools(new bool[n, 4]),
            IncludeProbability = random.Next(2) == 0,
        };
        request.Frames.AddRange(frames);
        return request;
    }

    // Any dtype, any rank around the expected one, dimensions from 0 to 2^40 (also negative), data of any length.
    private static Tensor TensorOf(Random random, int rank)
    {
        var tensor = new Tensor { Dtype = (DataType)random.Next(0, 4), Data = ByteString.CopyFrom(RandomBytes(random, Pick(random, 0, 4, 512, 2048))) };
        for (var i = 0; i < Math.Max(0, rank + random.Next(-1, 2)); i++)
        {
            tensor.Shape.Add(Pick(random, 1L, 4L, 128L, 0L, -1L, 1L << 30, 1L << 40, 16L));
        }

        return tensor;
    }

    private static float[] NonFinite(Random random, int length)
    {
        var values = new float[length];
        if (random.Next(3) == 0 && length > 0)
        {
            values[random.Next(length)] = Pick(random, float.NaN, float.PositiveInfinity, float.NegativeInfinity);
        }

        return values;
    }

    private static T Pick<T>(Random random, params T[] values) => values[random.Next(values.Length)];

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] PngWithSize(int width, int height)
    {
        var png = ImageCodec.EncodePng(RgbImage.Filled(1, 1, (0, 0, 0)));

        // IHDR is the first chunk: signature (8) + length (4) + "IHDR" (4), then width and height.
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        return png;
    }
}

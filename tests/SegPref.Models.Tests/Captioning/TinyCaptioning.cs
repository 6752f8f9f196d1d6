using SegPref.Media.Imaging;
using SegPref.Models.Captioning;

namespace SegPref.Models.Tests.Captioning;

/// <summary>A tiny captioner and a synthetic "coloured box left/right" data set, small enough for unit tests.</summary>
internal static class TinyCaptioning
{
    public static readonly string[] Descriptions =
    [
        "a red box on the left.",
        "a red box on the right.",
        "a blue box on the left.",
        "a blue box on the right.",
    ];

    public static CaptionVocabulary Vocabulary { get; } = CaptionVocabulary.Build(Descriptions);

    public static CaptionerConfig Config(int width = 32) => new()
    {
        ImageSize = 32,
        Width = width,
        Heads = 4,
        Layers = 2,
        FeedForwardWidth = 64,
        MaxTokens = 12,
        Dropout = 0,
        VocabularySize = Vocabulary.Count,
    };

    /// <summary><paramref name="count"/> frames cycling through the four descriptions, with a little pixel noise.</summary>
    public static List<CaptionFrame> Frames(int count, int seed = 7)
    {
        var random = new Random(seed);
        var frames = new List<CaptionFrame>();
        for (var i = 0; i < count; i++)
        {
            var kind = i % Descriptions.Length;
            var image = new RgbImage(32, 32);
            for (var j = 0; j < image.Pixels.Length; j++)
            {
                image.Pixels[j] = (byte)random.Next(0, 40);
            }

            var color = kind < 2 ? ((byte)220, (byte)30, (byte)30) : ((byte)30, (byte)30, (byte)220);
            var left = kind % 2 == 0 ? 2 : 18;
            for (var y = 10; y < 22; y++)
            {
                for (var x = left; x < left + 12; x++)
                {
                    image[x, y] = color;
                }
            }

            frames.Add(new CaptionFrame(image, Descriptions[kind], $"synthetic-{i}"));
        }

        return frames;
    }
}

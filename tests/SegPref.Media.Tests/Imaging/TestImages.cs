using SegPref.Media.Imaging;

namespace SegPref.Media.Tests.Imaging;

/// <summary>Deterministic images for tests.</summary>
internal static class TestImages
{
    /// <summary>A smooth colour gradient (JPEG-friendly): R follows x, G follows y, B their mix.</summary>
    public static RgbImage Gradient(int width, int height)
    {
        var image = new RgbImage(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var r = (byte)(255 * x / Math.Max(1, width - 1));
                var g = (byte)(255 * y / Math.Max(1, height - 1));
                image[x, y] = (r, g, (byte)((r + g) / 2));
            }
        }

        return image;
    }

    /// <summary>Uniform random bytes from a fixed seed (worst case for lossy codecs, exact for PNG).</summary>
    public static RgbImage Noise(int width, int height, int seed)
    {
        var image = new RgbImage(width, height);
        new Random(seed).NextBytes(image.Pixels);
        return image;
    }
}

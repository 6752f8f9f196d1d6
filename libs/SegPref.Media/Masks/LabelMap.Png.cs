using SegPref.Media.Imaging;

namespace SegPref.Media.Masks;

/// <summary>Reading AVSS colour masks (labels_rgb/*.png).</summary>
public sealed partial class LabelMap
{
    /// <summary>
    /// Decodes an AVSS colour mask. Every pixel must carry an exact palette colour: a blended or
    /// JPEG-damaged colour is an error rather than a silent guess at the class.
    /// </summary>
    /// <exception cref="InvalidDataException">Not an image, or a colour outside the palette (first one named).</exception>
    public static LabelMap LoadRgbPng(byte[] bytes, string sourceName)
    {
        var image = ImageCodec.Decode(bytes, sourceName);
        var rgb = image.Pixels;
        var indices = new byte[image.Width * image.Height];
        var firstBad = -1;
        var badCount = 0;
        for (var i = 0; i < indices.Length; i++)
        {
            var index = AvssPalette.IndexOf(rgb[3 * i], rgb[(3 * i) + 1], rgb[(3 * i) + 2]);
            if (index < 0)
            {
                firstBad = firstBad < 0 ? i : firstBad;
                badCount++;
                continue;
            }

            indices[i] = (byte)index;
        }

        if (badCount > 0)
        {
            var (x, y) = (firstBad % image.Width, firstBad / image.Width);
            throw new InvalidDataException(
                $"{sourceName}: {badCount} pixel(s) have colours outside the AVSS palette; the first is ({rgb[3 * firstBad]}, " +
                $"{rgb[(3 * firstBad) + 1]}, {rgb[(3 * firstBad) + 2]}) at ({x}, {y}). Lossy compression or resizing may have blended the colours.");
        }

        return new LabelMap(image.Width, image.Height, indices);
    }

    /// <summary>Reads and decodes an AVSS colour mask file; see <see cref="LoadRgbPng(byte[], string)"/>.</summary>
    public static LabelMap LoadRgbPng(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return LoadRgbPng(File.ReadAllBytes(path), path);
    }

    /// <summary>The foreground (any non-background class) as a <see cref="BinaryMask"/>.</summary>
    public BinaryMask ToBinaryMask() => new(Width, Height, ToBinary());

    /// <summary>Nearest-neighbour resize (pixel-centre aligned), so class indices never blend.</summary>
    public LabelMap Resize(int width, int height) =>
        new(width, height, NearestResampler.Resize(Indices, Width, Height, width, height));
}

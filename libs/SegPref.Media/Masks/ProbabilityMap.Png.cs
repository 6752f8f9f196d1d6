using SegPref.Media.Imaging;

namespace SegPref.Media.Masks;

/// <summary>8-bit grey PNG input and output: stored value = round(p x 255), read back as value / 255.</summary>
public sealed partial class ProbabilityMap
{
    /// <summary>
    /// Decodes a grey PNG (a 0/255 binary mask reads as probabilities 0 and 1). Colour images are accepted
    /// only where every pixel is grey (R = G = B).
    /// </summary>
    /// <exception cref="InvalidDataException">Not an image, or a pixel with colour.</exception>
    public static ProbabilityMap Decode(byte[] bytes, string sourceName)
    {
        var image = ImageCodec.Decode(bytes, sourceName);
        var rgb = image.Pixels;
        var p = new float[image.Width * image.Height];
        for (var i = 0; i < p.Length; i++)
        {
            byte r = rgb[3 * i], g = rgb[(3 * i) + 1], b = rgb[(3 * i) + 2];
            if (r != g || g != b)
            {
                throw new InvalidDataException(
                    $"{sourceName}: a probability map must be grey, but pixel ({i % image.Width}, {i / image.Width}) is ({r}, {g}, {b}).");
            }

            p[i] = r / 255f;
        }

        return new ProbabilityMap(image.Width, image.Height, p);
    }

    /// <summary>Reads and decodes a probability map file; see <see cref="Decode"/>.</summary>
    public static ProbabilityMap Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Decode(File.ReadAllBytes(path), path);
    }

    /// <summary>An 8-bit grey PNG with value round(p x 255), halves away from zero.</summary>
    public byte[] EncodePng() =>
        GrayPng.Encode(Array.ConvertAll(Probabilities, p => (byte)MathF.Round(p * 255f, MidpointRounding.AwayFromZero)), Width, Height);

    /// <summary>Writes <see cref="EncodePng"/> to <paramref name="path"/>.</summary>
    public void Save(string path) => File.WriteAllBytes(path, EncodePng());
}

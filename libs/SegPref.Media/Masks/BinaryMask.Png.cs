using SegPref.Media.Imaging;

namespace SegPref.Media.Masks;

/// <summary>PNG input and output of binary masks.</summary>
public sealed partial class BinaryMask
{
    /// <summary>
    /// Decodes a mask image (grey, colour or palette PNG, or any format Skia reads). The default rule,
    /// any non-zero channel is foreground, reads AVSBench gt_masks (0/255), 0/1 masks and AVSS colour masks.
    /// </summary>
    /// <exception cref="InvalidDataException">The bytes are not a decodable image.</exception>
    public static BinaryMask Decode(byte[] bytes, string sourceName, MaskForegroundRule rule = MaskForegroundRule.AnyNonZero)
    {
        var image = ImageCodec.Decode(bytes, sourceName);
        var rgb = image.Pixels;
        var values = new byte[image.Width * image.Height];
        for (var i = 0; i < values.Length; i++)
        {
            int r = rgb[3 * i], g = rgb[(3 * i) + 1], b = rgb[(3 * i) + 2];
            var foreground = rule switch
            {
                MaskForegroundRule.AnyNonZero => (r | g | b) != 0,
                MaskForegroundRule.LumaAtLeastHalf => PilLuma(r, g, b) >= 128,
                _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown mask rule."),
            };
            values[i] = foreground ? (byte)1 : (byte)0;
        }

        return new BinaryMask(image.Width, image.Height, values);
    }

    /// <summary>Reads and decodes a mask file; see <see cref="Decode"/>.</summary>
    public static BinaryMask Load(string path, MaskForegroundRule rule = MaskForegroundRule.AnyNonZero)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Decode(File.ReadAllBytes(path), path, rule);
    }

    /// <summary>An 8-bit grey PNG with background 0 and foreground 255, as AVSBench gt_masks.</summary>
    public byte[] EncodePng() => GrayPng.Encode(Array.ConvertAll(Values, v => v == 0 ? (byte)0 : (byte)255), Width, Height);

    /// <summary>Writes <see cref="EncodePng"/> to <paramref name="path"/>.</summary>
    public void Save(string path) => File.WriteAllBytes(path, EncodePng());

    // PIL's "L" conversion in fixed point (weights 0.299, 0.587, 0.114 scaled by 2^16, rounded).
    private static int PilLuma(int r, int g, int b) => ((r * 19595) + (g * 38470) + (b * 7471) + 0x8000) >> 16;
}

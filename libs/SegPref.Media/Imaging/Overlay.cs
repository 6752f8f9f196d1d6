using SegPref.Media.Masks;

namespace SegPref.Media.Imaging;

/// <summary>Pictures for people: masks tinted over frames, and panels laid out in a grid.</summary>
public static partial class Overlay
{
    /// <summary>
    /// Tints the foreground of <paramref name="mask"/> over a copy of <paramref name="frame"/>:
    /// out = (1 - alpha) x frame + alpha x colour. A mask of another size is sampled nearest-neighbour.
    /// </summary>
    public static RgbImage Draw(RgbImage frame, BinaryMask mask, (byte R, byte G, byte B) color, float alpha = 0.5f)
    {
        ArgumentNullException.ThrowIfNull(mask);
        return Blend(frame, mask.Width, mask.Height, i => mask.Values[i], color, alpha);
    }

    /// <summary>As the binary overload, with the tint weighted by each pixel's probability (alpha x p).</summary>
    public static RgbImage Draw(RgbImage frame, ProbabilityMap map, (byte R, byte G, byte B) color, float alpha = 0.5f)
    {
        ArgumentNullException.ThrowIfNull(map);
        return Blend(frame, map.Width, map.Height, i => map.Probabilities[i], color, alpha);
    }

    private static RgbImage Blend(RgbImage frame, int maskWidth, int maskHeight, Func<int, float> weightAt, (byte R, byte G, byte B) color, float alpha)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!(alpha >= 0f && alpha <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Alpha must lie in [0, 1].");
        }

        var result = frame.Clone();
        var pixels = result.Pixels;
        ReadOnlySpan<byte> tint = [color.R, color.G, color.B];
        for (var y = 0; y < frame.Height; y++)
        {
            var maskRow = NearestResampler.SourceIndex(y, maskHeight, frame.Height) * maskWidth;
            for (var x = 0; x < frame.Width; x++)
            {
                var a = alpha * weightAt(maskRow + NearestResampler.SourceIndex(x, maskWidth, frame.Width));
                if (a <= 0f)
                {
                    continue;
                }

                var o = 3 * ((y * frame.Width) + x);
                for (var c = 0; c < 3; c++)
                {
                    pixels[o + c] = (byte)MathF.Round(((1f - a) * pixels[o + c]) + (a * tint[c]));
                }
            }
        }

        return result;
    }
}

namespace SegPref.Media.Masks;

/// <summary>
/// The AVSS colour palette: the PASCAL VOC bit-interleaved palette over 71 class indices
/// (index 0 = black = background). Index i gets bit k of i spread over R, G and B, most significant first.
/// </summary>
public static class AvssPalette
{
    /// <summary>Number of AVSS classes, background included.</summary>
    public const int ClassCount = 71;

    private static readonly (byte R, byte G, byte B)[] Colors = Build(256);
    private static readonly Dictionary<int, int> IndexByRgb = Enumerable.Range(0, ClassCount)
        .ToDictionary(i => Pack(Colors[i]), i => i);

    /// <summary>The RGB colour of class <paramref name="index"/>.</summary>
    public static (byte R, byte G, byte B) ColorOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ClassCount);
        return Colors[index];
    }

    /// <summary>The class index of an RGB colour, or -1 when the colour is not in the palette.</summary>
    public static int IndexOf(byte r, byte g, byte b) =>
        IndexByRgb.TryGetValue(Pack((r, g, b)), out var index) ? index : -1;

    private static int Pack((byte R, byte G, byte B) c) => (c.R << 16) | (c.G << 8) | c.B;

    private static (byte R, byte G, byte B)[] Build(int n)
    {
        var colors = new (byte R, byte G, byte B)[n];
        for (var i = 0; i < n; i++)
        {
            int r = 0, g = 0, b = 0, c = i;
            for (var j = 0; j < 8; j++)
            {
                r |= ((c >> 0) & 1) << (7 - j);
                g |= ((c >> 1) & 1) << (7 - j);
                b |= ((c >> 2) & 1) << (7 - j);
                c >>= 3;
            }

            colors[i] = ((byte)r, (byte)g, (byte)b);
        }

        return colors;
    }
}

namespace SegPref.Media.Masks;

/// <summary>A binary mask: one byte per pixel, row-major, 0 = background, 1 = foreground.</summary>
public sealed partial class BinaryMask
{
    /// <summary>Creates an all-background mask.</summary>
    public BinaryMask(int width, int height)
        : this(width, height, new byte[checked(width * height)])
    {
    }

    /// <summary>Wraps existing values (row-major, length width x height, each 0 or 1); no copy.</summary>
    public BinaryMask(int width, int height, byte[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != (long)width * height)
        {
            throw new ArgumentException($"Expected {(long)width * height} values for {width}x{height}, got {values.Length}.", nameof(values));
        }

        var bad = Array.FindIndex(values, v => v > 1);
        if (bad >= 0)
        {
            throw new ArgumentException($"Mask values must be 0 or 1; value {values[bad]} at index {bad}.", nameof(values));
        }

        Width = width;
        Height = height;
        Values = values;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>0 or 1 per pixel, row-major.</summary>
    public byte[] Values { get; }

    /// <summary>Whether (x, y) is foreground.</summary>
    public bool this[int x, int y]
    {
        get => Values[Index(x, y)] != 0;
        set => Values[Index(x, y)] = value ? (byte)1 : (byte)0;
    }

    /// <summary>Number of foreground pixels.</summary>
    public int ForegroundCount => Values.Count(v => v != 0);

    /// <summary>Nearest-neighbour resize (pixel-centre aligned), so the result stays binary.</summary>
    public BinaryMask Resize(int width, int height) =>
        new(width, height, NearestResampler.Resize(Values, Width, Height, width, height));

    private int Index(int x, int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(x, Width);
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        return (y * Width) + x;
    }
}

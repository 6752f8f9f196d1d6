namespace SegPref.Media.Imaging;

/// <summary>
/// An 8-bit RGB image: <see cref="Pixels"/> holds R, G, B interleaved, row-major, no padding,
/// so pixel (x, y) starts at 3 x (y x Width + x).
/// </summary>
public sealed class RgbImage
{
    /// <summary>Creates a black image.</summary>
    public RgbImage(int width, int height)
        : this(width, height, new byte[checked(3 * width * height)])
    {
    }

    /// <summary>Wraps existing pixels (R, G, B interleaved, row-major, length 3 x width x height); no copy.</summary>
    public RgbImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.Length != 3L * width * height)
        {
            throw new ArgumentException($"Expected {3L * width * height} bytes for {width}x{height} RGB, got {pixels.Length}.", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>R, G, B interleaved, row-major.</summary>
    public byte[] Pixels { get; }

    /// <summary>The colour at (x, y).</summary>
    public (byte R, byte G, byte B) this[int x, int y]
    {
        get
        {
            var i = Offset(x, y);
            return (Pixels[i], Pixels[i + 1], Pixels[i + 2]);
        }

        set
        {
            var i = Offset(x, y);
            (Pixels[i], Pixels[i + 1], Pixels[i + 2]) = value;
        }
    }

    /// <summary>An image of one colour.</summary>
    public static RgbImage Filled(int width, int height, (byte R, byte G, byte B) color)
    {
        var image = new RgbImage(width, height);
        for (var i = 0; i < image.Pixels.Length; i += 3)
        {
            (image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2]) = color;
        }

        return image;
    }

    /// <summary>
    /// Resamples to <paramref name="width"/> x <paramref name="height"/> with Skia's bilinear filter
    /// (trilinear through mipmaps when shrinking, so large reductions average instead of aliasing).
    /// </summary>
    public RgbImage Resize(int width, int height) => SkiaBitmaps.Resize(this, width, height);

    /// <summary>A deep copy.</summary>
    public RgbImage Clone() => new(Width, Height, (byte[])Pixels.Clone());

    private int Offset(int x, int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(x, Width);
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        return 3 * ((y * Width) + x);
    }
}

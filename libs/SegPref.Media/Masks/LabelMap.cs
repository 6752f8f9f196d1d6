using SkiaSharp;

namespace SegPref.Media.Masks;

/// <summary>A per-pixel class-index map (row-major, one byte per pixel, 0 = background).</summary>
public sealed partial class LabelMap
{
    /// <summary>Creates a map of the given size filled with background.</summary>
    public LabelMap(int width, int height)
        : this(width, height, new byte[checked(width * height)])
    {
    }

    /// <summary>Wraps existing indices (row-major, length width x height).</summary>
    public LabelMap(int width, int height, byte[] indices)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(indices);
        if (indices.Length != width * height)
        {
            throw new ArgumentException($"Expected {width * height} indices for {width}x{height}, got {indices.Length}.", nameof(indices));
        }

        Width = width;
        Height = height;
        Indices = indices;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Class index per pixel, row-major.</summary>
    public byte[] Indices { get; }

    /// <summary>Class index at (x, y).</summary>
    public byte this[int x, int y]
    {
        get => Indices[(y * Width) + x];
        set => Indices[(y * Width) + x] = value;
    }

    /// <summary>The binary foreground mask (any non-background class), row-major, 0 or 1.</summary>
    public byte[] ToBinary() => Array.ConvertAll(Indices, v => v == 0 ? (byte)0 : (byte)1);

    /// <summary>Encodes the map as an RGB PNG in the AVSS palette.</summary>
    public byte[] EncodeRgbPng()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var pixels = new byte[Width * Height * 4];
        for (var i = 0; i < Indices.Length; i++)
        {
            var (r, g, b) = AvssPalette.ColorOf(Indices[i]);
            pixels[(i * 4) + 0] = r;
            pixels[(i * 4) + 1] = g;
            pixels[(i * 4) + 2] = b;
            pixels[(i * 4) + 3] = 255;
        }

        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Writes the map as an RGB PNG in the AVSS palette.</summary>
    public void SaveRgbPng(string path) => File.WriteAllBytes(path, EncodeRgbPng());
}

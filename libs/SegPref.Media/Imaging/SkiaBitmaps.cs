using SkiaSharp;

namespace SegPref.Media.Imaging;

/// <summary>Moves pixels between <see cref="RgbImage"/> and Skia bitmaps (always RGBA 8888, opaque).</summary>
internal static class SkiaBitmaps
{
    /// <summary>An opaque RGBA bitmap holding a copy of the image; the caller disposes it.</summary>
    public static SKBitmap ToBitmap(RgbImage image)
    {
        var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var dst = bitmap.GetPixelSpan();
        var src = image.Pixels;
        var rowBytes = bitmap.RowBytes;
        for (var y = 0; y < image.Height; y++)
        {
            var d = y * rowBytes;
            var s = y * image.Width * 3;
            for (var x = 0; x < image.Width; x++, d += 4, s += 3)
            {
                dst[d] = src[s];
                dst[d + 1] = src[s + 1];
                dst[d + 2] = src[s + 2];
                dst[d + 3] = 255;
            }
        }

        return bitmap;
    }

    /// <summary>Copies an RGBA 8888 bitmap into a new image, dropping alpha.</summary>
    public static RgbImage FromBitmap(SKBitmap bitmap)
    {
        if (bitmap.ColorType != SKColorType.Rgba8888)
        {
            throw new ArgumentException($"Expected an RGBA 8888 bitmap, got {bitmap.ColorType}.", nameof(bitmap));
        }

        return FromRgba(bitmap.GetPixelSpan(), bitmap.Width, bitmap.Height, bitmap.RowBytes);
    }

    /// <summary>Drops the alpha channel of tightly or loosely packed RGBA rows.</summary>
    public static RgbImage FromRgba(ReadOnlySpan<byte> rgba, int width, int height, int rowBytes)
    {
        var image = new RgbImage(width, height);
        var dst = image.Pixels;
        for (var y = 0; y < height; y++)
        {
            var s = y * rowBytes;
            var d = y * width * 3;
            for (var x = 0; x < width; x++, s += 4, d += 3)
            {
                dst[d] = rgba[s];
                dst[d + 1] = rgba[s + 1];
                dst[d + 2] = rgba[s + 2];
            }
        }

        return image;
    }

    public static RgbImage Resize(RgbImage image, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (width == image.Width && height == image.Height)
        {
            return image.Clone();
        }

        // Mipmaps only matter when shrinking; for enlarging they would just cost a pyramid build.
        var shrinking = width < image.Width || height < image.Height;
        var sampling = new SKSamplingOptions(SKFilterMode.Linear, shrinking ? SKMipmapMode.Linear : SKMipmapMode.None);
        using var source = ToBitmap(image);
        using var target = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        if (!source.ScalePixels(target, sampling))
        {
            throw new InvalidOperationException($"Skia could not scale {image.Width}x{image.Height} to {width}x{height}.");
        }

        return FromBitmap(target);
    }

    /// <summary>Encodes through Skia; quality matters for JPEG only.</summary>
    public static byte[] Encode(RgbImage image, SKEncodedImageFormat format, int quality)
    {
        using var bitmap = ToBitmap(image);
        using var data = bitmap.Encode(format, quality)
            ?? throw new InvalidOperationException($"Skia could not encode a {image.Width}x{image.Height} image as {format}.");
        return data.ToArray();
    }
}

using SkiaSharp;

namespace SegPref.Media.Imaging;

/// <summary>
/// Reads and writes <see cref="RgbImage"/> files. Decoding takes any format Skia recognises (JPEG, PNG,
/// WebP, GIF, BMP, ...) from its content, not its name; grey, palette and RGBA images become RGB with
/// alpha dropped (not composited). EXIF orientation is not applied, as in PIL's default open.
/// </summary>
public static class ImageCodec
{
    /// <summary>Default ceiling on width x height (64 Mi pixels, 256 MiB decoded), against decompression bombs.</summary>
    public const long DefaultMaxPixels = 64L * 1024 * 1024;

    /// <summary>Default JPEG quality (0-100) for <see cref="Save"/>.</summary>
    public const int DefaultJpegQuality = 95;

    /// <summary>Decodes an image from bytes.</summary>
    /// <param name="bytes">The encoded file content.</param>
    /// <param name="sourceName">A file name or URI for error messages.</param>
    /// <param name="maxPixels">Images with more pixels than this are rejected before decoding.</param>
    /// <exception cref="InvalidDataException">Empty, unrecognised, truncated, corrupt or too large.</exception>
    public static RgbImage Decode(byte[] bytes, string sourceName, long maxPixels = DefaultMaxPixels) =>
        SkiaImageReader.Decode(bytes, sourceName, maxPixels);

    /// <summary>Reads the width and height from the header only (no pixel memory): callers budget before decoding.</summary>
    /// <param name="bytes">The encoded file content.</param>
    /// <param name="sourceName">A file name or URI for error messages.</param>
    /// <exception cref="InvalidDataException">Empty, unrecognised, or a header without pixels.</exception>
    public static (int Width, int Height) ReadSize(byte[] bytes, string sourceName) =>
        SkiaImageReader.ReadSize(bytes, sourceName);

    /// <summary>Reads and decodes an image file.</summary>
    /// <exception cref="InvalidDataException">Empty, unrecognised, truncated, corrupt or too large.</exception>
    public static RgbImage Load(string path, long maxPixels = DefaultMaxPixels)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Decode(File.ReadAllBytes(path), path, maxPixels);
    }

    /// <summary>Lossless 8-bit RGB(A) PNG.</summary>
    public static byte[] EncodePng(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return SkiaBitmaps.Encode(image, SKEncodedImageFormat.Png, 100);
    }

    /// <summary>Baseline JPEG at <paramref name="quality"/> (1-100).</summary>
    public static byte[] EncodeJpeg(RgbImage image, int quality = DefaultJpegQuality)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        return SkiaBitmaps.Encode(image, SKEncodedImageFormat.Jpeg, quality);
    }

    /// <summary>Writes PNG or JPEG, chosen by the extension (.png, .jpg, .jpeg).</summary>
    public static void Save(RgbImage image, string path, int jpegQuality = DefaultJpegQuality)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".PNG" => EncodePng(image),
            ".JPG" or ".JPEG" => EncodeJpeg(image, jpegQuality),
            var other => throw new ArgumentException($"Cannot tell the image format from extension '{other}' of {path}; use .png, .jpg or .jpeg.", nameof(path)),
        };
        File.WriteAllBytes(path, bytes);
    }
}

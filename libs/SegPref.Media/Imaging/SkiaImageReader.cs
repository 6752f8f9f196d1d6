using SkiaSharp;

namespace SegPref.Media.Imaging;

/// <summary>
/// Decodes through <see cref="SKCodec"/> rather than <c>SKBitmap.Decode</c>: the codec reports the size
/// before any pixel memory is taken and says when the data is truncated, which Decode hides.
/// </summary>
internal static class SkiaImageReader
{
    public static RgbImage Decode(byte[] bytes, string sourceName, long maxPixels)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPixels);
        var opened = Open(bytes, sourceName);
        using var data = opened.Data;
        using var codec = opened.Codec;
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        var pixels = (long)width * height;
        if (pixels > maxPixels || pixels * 4 > Array.MaxLength)
        {
            throw Invalid(sourceName, $"{width}x{height} = {pixels} pixels is over the limit of {maxPixels}");
        }

        // Unpremultiplied so that dropping alpha leaves the stored colour, and no colour space so that
        // mask colours come back bit-exact instead of being converted to sRGB.
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var rgba = new byte[info.BytesSize64];
        var result = codec.GetPixels(info, rgba);
        return result switch
        {
            SKCodecResult.Success => SkiaBitmaps.FromRgba(rgba, width, height, info.RowBytes),
            SKCodecResult.IncompleteInput or SKCodecResult.ErrorInInput =>
                throw Invalid(sourceName, $"the {codec.EncodedFormat} data is truncated or corrupt ({result})"),
            _ => throw Invalid(sourceName, $"the {codec.EncodedFormat} image could not be decoded ({result})"),
        };
    }

    public static (int Width, int Height) ReadSize(byte[] bytes, string sourceName)
    {
        var opened = Open(bytes, sourceName);
        using var data = opened.Data;
        using var codec = opened.Codec;
        return (codec.Info.Width, codec.Info.Height);
    }

    /// <summary>The codec over a copy of <paramref name="bytes"/>, refusing empty data, unknown formats and images without pixels.</summary>
    private static (SKData Data, SKCodec Codec) Open(byte[] bytes, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(sourceName);
        if (bytes.Length == 0)
        {
            throw Invalid(sourceName, "the file is empty");
        }

        var data = SKData.CreateCopy(bytes);
        var codec = SKCodec.Create(data);
        if (codec is null)
        {
            data.Dispose();
            throw Invalid(sourceName, $"not a recognised image format (starts with {Convert.ToHexString(bytes, 0, Math.Min(8, bytes.Length))})");
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0)
        {
            codec.Dispose();
            data.Dispose();
            throw Invalid(sourceName, $"the image has no pixels ({width}x{height})");
        }

        return (data, codec);
    }

    private static InvalidDataException Invalid(string sourceName, string problem) =>
        new($"{sourceName}: {problem}.");
}

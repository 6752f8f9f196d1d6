using SkiaSharp;

namespace SegPref.Media.Masks;

/// <summary>8-bit single-channel PNG encoding, the format of AVSBench gt_masks.</summary>
internal static class GrayPng
{
    public static byte[] Encode(ReadOnlySpan<byte> values, int width, int height)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        var dst = bitmap.GetPixelSpan();
        for (var y = 0; y < height; y++)
        {
            values.Slice(y * width, width).CopyTo(dst.Slice(y * bitmap.RowBytes, width));
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException($"Skia could not encode a {width}x{height} grey PNG.");
        return data.ToArray();
    }
}

using SegPref.Contracts.Common.V1;
using SegPref.Media.Imaging;

namespace SegPref.Serving.Inputs;

/// <summary>Checks request images; every problem is an ArgumentException naming the field and the limit.</summary>
public static class ImageInputs
{
    /// <summary>Bytes per pixel held for every decoded image (RGB).</summary>
    public const int HeldBytesPerPixel = 3;

    /// <summary>Working bytes per pixel of the largest image: Skia's RGBA decode buffer, then mask logits and bytes at frame size.</summary>
    public const int WorkingBytesPerPixel = 8;

    /// <summary>Checks count and byte sizes without decoding.</summary>
    /// <param name="images">The request's images.</param>
    /// <param name="limits">The service's limits.</param>
    /// <param name="field">Proto field name for messages ("frames", "images").</param>
    /// <exception cref="ArgumentException">No images, too many, an empty one, or one over MaxImageBytes.</exception>
    public static void CheckEncoded(IReadOnlyList<Image> images, InputLimitsOptions limits, string field)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(limits);
        if (images.Count == 0)
        {
            throw new ArgumentException($"{field}: at least one image is required.", field);
        }

        if (images.Count > limits.MaxFrames)
        {
            throw new ArgumentException($"{field}: {images.Count} images is over the limit of {limits.MaxFrames} (Limits:MaxFrames).", field);
        }

        for (var i = 0; i < images.Count; i++)
        {
            var length = images[i]?.Data.Length ?? 0;
            if (length == 0)
            {
                throw new ArgumentException($"{field}[{i}]: the image is empty.", field);
            }

            if (length > limits.MaxImageBytes)
            {
                throw new ArgumentException($"{field}[{i}]: {length} bytes is over the limit of {limits.MaxImageBytes} (Limits:MaxImageBytes).", field);
            }
        }
    }

    /// <summary>Reads every image's size from its header and checks it against MaxPixels (and one size per clip).</summary>
    /// <returns>Width and height per image.</returns>
    /// <exception cref="ArgumentException">An unreadable header, too many pixels, or differing sizes.</exception>
    public static (int Width, int Height)[] ReadSizes(IReadOnlyList<byte[]> encoded, InputLimitsOptions limits, string field, bool sameSize)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        ArgumentNullException.ThrowIfNull(limits);
        var sizes = new (int Width, int Height)[encoded.Count];
        for (var i = 0; i < encoded.Count; i++)
        {
            try
            {
                sizes[i] = ImageCodec.ReadSize(encoded[i], $"{field}[{i}]");
            }
            catch (InvalidDataException ex)
            {
                throw new ArgumentException(ex.Message, field, ex);
            }

            var pixels = (long)sizes[i].Width * sizes[i].Height;
            if (pixels > limits.MaxPixels)
            {
                throw new ArgumentException(
                    $"{field}[{i}]: {sizes[i].Width}x{sizes[i].Height} = {pixels} pixels is over the limit of {limits.MaxPixels} (Limits:MaxPixels).", field);
            }

            if (sameSize && sizes[i] != sizes[0])
            {
                throw new ArgumentException(
                    $"{field}[{i}]: {sizes[i].Width}x{sizes[i].Height} differs from {field}[0] ({sizes[0].Width}x{sizes[0].Height}); all frames of a clip must have one size.",
                    field);
            }
        }

        return sizes;
    }

    /// <summary>Decoded bytes a request with these image sizes holds: RGB of every image plus the working buffers of the largest.</summary>
    public static long DecodedBytes(IReadOnlyCollection<(int Width, int Height)> sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        if (sizes.Count == 0)
        {
            return 0;
        }

        var pixels = sizes.Select(s => (long)s.Width * s.Height).ToArray();
        return (pixels.Sum() * HeldBytesPerPixel) + (pixels.Max() * WorkingBytesPerPixel);
    }

    /// <summary>Decodes images whose sizes were checked by <see cref="ReadSizes"/>.</summary>
    /// <exception cref="ArgumentException">An image does not decode.</exception>
    internal static RgbImage[] Decode(IReadOnlyList<byte[]> encoded, InputLimitsOptions limits, string field)
    {
        var decoded = new RgbImage[encoded.Count];
        for (var i = 0; i < encoded.Count; i++)
        {
            try
            {
                decoded[i] = ImageCodec.Decode(encoded[i], $"{field}[{i}]", limits.MaxPixels);
            }
            catch (InvalidDataException ex)
            {
                throw new ArgumentException(ex.Message, field, ex);
            }
        }

        return decoded;
    }
}

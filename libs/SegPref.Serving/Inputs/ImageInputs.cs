using SegPref.Contracts.Common.V1;
using SegPref.Media.Imaging;

namespace SegPref.Serving.Inputs;

/// <summary>Checks and decodes request images; every problem is an ArgumentException naming the field and the limit.</summary>
public static class ImageInputs
{
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

    /// <summary>Checks and decodes the images.</summary>
    /// <param name="images">The request's images.</param>
    /// <param name="limits">The service's limits.</param>
    /// <param name="field">Proto field name for messages.</param>
    /// <param name="sameSize">Require every image to have the first one's size (frames of one clip).</param>
    /// <exception cref="ArgumentException">Any check fails or an image does not decode.</exception>
    public static RgbImage[] Decode(IReadOnlyList<Image> images, InputLimitsOptions limits, string field, bool sameSize)
    {
        CheckEncoded(images, limits, field);
        var decoded = new RgbImage[images.Count];
        for (var i = 0; i < images.Count; i++)
        {
            try
            {
                decoded[i] = ImageCodec.Decode(images[i].Data.ToByteArray(), $"{field}[{i}]", limits.MaxPixels);
            }
            catch (InvalidDataException ex)
            {
                throw new ArgumentException(ex.Message, field, ex);
            }

            if (sameSize && (decoded[i].Width != decoded[0].Width || decoded[i].Height != decoded[0].Height))
            {
                throw new ArgumentException(
                    $"{field}[{i}]: {decoded[i].Width}x{decoded[i].Height} differs from {field}[0] ({decoded[0].Width}x{decoded[0].Height}); all frames of a clip must have one size.",
                    field);
            }
        }

        return decoded;
    }
}

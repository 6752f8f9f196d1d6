namespace SegPref.Media.Imaging;

/// <summary>
/// Turns images into float tensors laid out as PyTorch expects: channel-major [3, H, W] per image,
/// [T, 3, H, W] for a batch, value = (pixel / 255 - mean[c]) / std[c] with c in R, G, B order.
/// </summary>
public static class ImageTensor
{
    /// <summary>ImageNet channel means (R, G, B) on the [0, 1] scale, as torchvision uses.</summary>
    public static ReadOnlySpan<float> ImageNetMean => [0.485f, 0.456f, 0.406f];

    /// <summary>ImageNet channel standard deviations (R, G, B) on the [0, 1] scale.</summary>
    public static ReadOnlySpan<float> ImageNetStd => [0.229f, 0.224f, 0.225f];

    /// <summary>
    /// Resizes <paramref name="image"/> to <paramref name="width"/> x <paramref name="height"/> when it
    /// differs, then normalises into a new float[3 x height x width].
    /// </summary>
    public static float[] ToChw(RgbImage image, int width, int height, ReadOnlySpan<float> mean, ReadOnlySpan<float> std)
    {
        var tensor = new float[PlaneCount(width, height)];
        WriteChw(image, width, height, mean, std, tensor);
        return tensor;
    }

    /// <summary>Stacks several frames into one float[T x 3 x height x width] (frame-major).</summary>
    public static float[] ToChwBatch(IReadOnlyList<RgbImage> frames, int width, int height, ReadOnlySpan<float> mean, ReadOnlySpan<float> std)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.Count == 0)
        {
            throw new ArgumentException("At least one frame is needed.", nameof(frames));
        }

        var frameSize = PlaneCount(width, height);
        var batch = new float[checked(frames.Count * frameSize)];
        for (var t = 0; t < frames.Count; t++)
        {
            WriteChw(frames[t], width, height, mean, std, batch.AsSpan(t * frameSize, frameSize));
        }

        return batch;
    }

    /// <summary>Normalises into <paramref name="destination"/> (length 3 x height x width), resizing first if needed.</summary>
    public static void WriteChw(RgbImage image, int width, int height, ReadOnlySpan<float> mean, ReadOnlySpan<float> std, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        CheckStats(mean, std);
        var plane = width * height;
        if (destination.Length != PlaneCount(width, height))
        {
            throw new ArgumentException($"Destination holds {destination.Length} floats, {3 * plane} are needed.", nameof(destination));
        }

        var sized = image.Width == width && image.Height == height ? image : image.Resize(width, height);
        var pixels = sized.Pixels;
        for (var c = 0; c < 3; c++)
        {
            // Fold /255, -mean and /std into one multiply-add per value.
            var scale = 1f / (255f * std[c]);
            var offset = -mean[c] / std[c];
            var channel = destination.Slice(c * plane, plane);
            for (var i = 0; i < plane; i++)
            {
                channel[i] = (pixels[(3 * i) + c] * scale) + offset;
            }
        }
    }

    private static int PlaneCount(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        return checked(3 * width * height);
    }

    private static void CheckStats(ReadOnlySpan<float> mean, ReadOnlySpan<float> std)
    {
        if (mean.Length != 3 || std.Length != 3)
        {
            throw new ArgumentException($"Mean and std need 3 values (R, G, B); got {mean.Length} and {std.Length}.", nameof(mean));
        }

        foreach (var s in std)
        {
            if (!(s > 0) || float.IsInfinity(s))
            {
                throw new ArgumentException($"Standard deviations must be positive and finite; got {s}.", nameof(std));
            }
        }
    }
}

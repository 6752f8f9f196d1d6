namespace SegPref.Serving.Masks;

/// <summary>Bilinear resize of a logit map, matching PyTorch F.interpolate(mode="bilinear", align_corners=False).</summary>
public static class LogitResizer
{
    /// <summary>The map resized to <paramref name="width"/> x <paramref name="height"/> (row-major).</summary>
    /// <exception cref="ArgumentException">Sizes below 1, or a source that does not fill sourceWidth x sourceHeight.</exception>
    public static float[] Bilinear(ReadOnlySpan<float> source, int sourceWidth, int sourceHeight, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sourceWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(sourceHeight, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (source.Length != sourceWidth * sourceHeight)
        {
            throw new ArgumentException($"{source.Length} logits do not fill {sourceWidth}x{sourceHeight}.", nameof(source));
        }

        var (x0, x1, wx) = Taps(sourceWidth, width);
        var (y0, y1, wy) = Taps(sourceHeight, height);
        var result = new float[width * height];
        for (var y = 0; y < height; y++)
        {
            var top = source.Slice(y0[y] * sourceWidth, sourceWidth);
            var bottom = source.Slice(y1[y] * sourceWidth, sourceWidth);
            for (var x = 0; x < width; x++)
            {
                var upper = top[x0[x]] + (wx[x] * (top[x1[x]] - top[x0[x]]));
                var lower = bottom[x0[x]] + (wx[x] * (bottom[x1[x]] - bottom[x0[x]]));
                result[(y * width) + x] = upper + (wy[y] * (lower - upper));
            }
        }

        return result;
    }

    // Half-pixel centres; negative source coordinates clamp to 0, as PyTorch does for linear modes.
    private static (int[] Low, int[] High, float[] Weight) Taps(int sourceSize, int size)
    {
        var low = new int[size];
        var high = new int[size];
        var weight = new float[size];
        var scale = (double)sourceSize / size;
        for (var i = 0; i < size; i++)
        {
            var s = Math.Max(0.0, ((i + 0.5) * scale) - 0.5);
            low[i] = Math.Min((int)s, sourceSize - 1);
            high[i] = Math.Min(low[i] + 1, sourceSize - 1);
            weight[i] = (float)(s - low[i]);
        }

        return (low, high, weight);
    }
}

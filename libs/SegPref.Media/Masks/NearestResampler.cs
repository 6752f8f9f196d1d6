namespace SegPref.Media.Masks;

/// <summary>
/// Nearest-neighbour resampling with pixel-centre alignment (PIL NEAREST, torch "nearest-exact"):
/// target pixel i reads source floor((i + 0.5) x source / target). Labels and 0/1 values must not blend.
/// </summary>
internal static class NearestResampler
{
    public static T[] Resize<T>(T[] source, int width, int height, int newWidth, int newHeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(newWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(newHeight);
        var columns = SourceIndices(width, newWidth);
        var result = new T[checked(newWidth * newHeight)];
        for (var y = 0; y < newHeight; y++)
        {
            var row = SourceIndex(y, height, newHeight) * width;
            for (var x = 0; x < newWidth; x++)
            {
                result[(y * newWidth) + x] = source[row + columns[x]];
            }
        }

        return result;
    }

    /// <summary>The source index nearest to target index <paramref name="i"/>.</summary>
    public static int SourceIndex(int i, int sourceSize, int targetSize) =>
        (int)Math.Min(sourceSize - 1, (((2L * i) + 1) * sourceSize) / (2L * targetSize));

    private static int[] SourceIndices(int sourceSize, int targetSize)
    {
        var indices = new int[targetSize];
        for (var i = 0; i < targetSize; i++)
        {
            indices[i] = SourceIndex(i, sourceSize, targetSize);
        }

        return indices;
    }
}

namespace SegPref.Media.Masks;

/// <summary>
/// COCO run-length encoding of a binary mask, as pycocotools: pixels in column-major (Fortran) order,
/// alternating run lengths that start with a background run (0 when the first pixel is foreground).
/// </summary>
public sealed partial class CocoRle
{
    private readonly int[] _counts;

    /// <summary>Wraps run lengths; they must be non-negative and sum to height x width.</summary>
    /// <exception cref="ArgumentException">The counts do not describe a height x width mask.</exception>
    public CocoRle(int height, int width, IReadOnlyList<int> counts)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentNullException.ThrowIfNull(counts);
        var problem = Validate(height, width, counts);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(counts));
        }

        Height = height;
        Width = width;
        _counts = [.. counts];
    }

    /// <summary>Mask height (the first entry of COCO's "size").</summary>
    public int Height { get; }

    /// <summary>Mask width (the second entry of COCO's "size").</summary>
    public int Width { get; }

    /// <summary>Run lengths, background first, column-major.</summary>
    public IReadOnlyList<int> Counts => _counts;

    /// <summary>Foreground pixel count (the sum of the odd-indexed runs).</summary>
    public long Area => _counts.Where((_, i) => i % 2 == 1).Sum(c => (long)c);

    /// <summary>Run-length encodes a mask.</summary>
    public static CocoRle Encode(BinaryMask mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var counts = new List<int>();
        byte current = 0;
        var run = 0;
        for (var x = 0; x < mask.Width; x++)
        {
            for (var y = 0; y < mask.Height; y++)
            {
                var v = mask.Values[(y * mask.Width) + x];
                if (v != current)
                {
                    counts.Add(run);
                    (current, run) = (v, 0);
                }

                run++;
            }
        }

        counts.Add(run);
        return new CocoRle(mask.Height, mask.Width, counts);
    }

    /// <summary>Expands the runs back into a row-major mask.</summary>
    public BinaryMask Decode()
    {
        var mask = new BinaryMask(Width, Height);
        long position = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            if (i % 2 == 1)
            {
                for (var p = position; p < position + _counts[i]; p++)
                {
                    var (x, y) = ((int)(p / Height), (int)(p % Height));
                    mask.Values[(y * Width) + x] = 1;
                }
            }

            position += _counts[i];
        }

        return mask;
    }

    internal static string? Validate(int height, int width, IReadOnlyList<int> counts)
    {
        long total = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i] < 0)
            {
                return $"Run {i} has negative length {counts[i]}.";
            }

            total += counts[i];
        }

        return total == (long)height * width
            ? null
            : $"Runs sum to {total} pixels but a {height}x{width} mask has {(long)height * width}.";
    }
}

namespace SegPref.Media.Masks;

/// <summary>A per-pixel foreground probability in [0, 1], row-major.</summary>
public sealed partial class ProbabilityMap
{
    /// <summary>Creates an all-zero map.</summary>
    public ProbabilityMap(int width, int height)
        : this(width, height, new float[checked(width * height)])
    {
    }

    /// <summary>Wraps existing probabilities (row-major, length width x height, each in [0, 1]); no copy.</summary>
    public ProbabilityMap(int width, int height, float[] probabilities)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.Length != (long)width * height)
        {
            throw new ArgumentException($"Expected {(long)width * height} probabilities for {width}x{height}, got {probabilities.Length}.", nameof(probabilities));
        }

        // The negated test also catches NaN.
        var bad = Array.FindIndex(probabilities, p => !(p >= 0f && p <= 1f));
        if (bad >= 0)
        {
            throw new ArgumentException($"Probabilities must lie in [0, 1]; got {probabilities[bad]} at index {bad}.", nameof(probabilities));
        }

        Width = width;
        Height = height;
        Probabilities = probabilities;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Probability per pixel, row-major.</summary>
    public float[] Probabilities { get; }

    /// <summary>Probability at (x, y).</summary>
    public float this[int x, int y] => Probabilities[(y * Width) + x];

    /// <summary>Applies the logistic sigmoid to mask logits (row-major, length width x height).</summary>
    public static ProbabilityMap FromLogits(int width, int height, ReadOnlySpan<float> logits)
    {
        if (logits.Length != (long)width * height)
        {
            throw new ArgumentException($"Expected {(long)width * height} logits for {width}x{height}, got {logits.Length}.", nameof(logits));
        }

        var p = new float[logits.Length];
        for (var i = 0; i < p.Length; i++)
        {
            if (float.IsNaN(logits[i]))
            {
                throw new ArgumentException($"Logit {i} is NaN.", nameof(logits));
            }

            p[i] = Sigmoid(logits[i]);
        }

        return new ProbabilityMap(width, height, p);
    }

    /// <summary>1 / (1 + e^-x), written so neither branch overflows for large |x|.</summary>
    public static float Sigmoid(float x)
    {
        if (x >= 0)
        {
            return 1f / (1f + MathF.Exp(-x));
        }

        var e = MathF.Exp(x);
        return e / (1f + e);
    }

    /// <summary>Foreground where p is strictly above <paramref name="threshold"/> (AVSBench metrics use 0.5).</summary>
    public BinaryMask ToBinary(float threshold = 0.5f) =>
        new(Width, Height, Array.ConvertAll(Probabilities, p => p > threshold ? (byte)1 : (byte)0));
}

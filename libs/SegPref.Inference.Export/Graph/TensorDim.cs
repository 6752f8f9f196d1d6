namespace SegPref.Inference.Export.Graph;

/// <summary>One dimension of a graph input or output: a fixed size or a named dynamic one ("T", "N").</summary>
public readonly record struct TensorDim
{
    private TensorDim(long size, string? symbol) => (Size, Symbol) = (size, symbol);

    /// <summary>The fixed size, or -1 for a dynamic dimension.</summary>
    public long Size { get; }

    /// <summary>The dynamic dimension's name, null for a fixed one.</summary>
    public string? Symbol { get; }

    /// <summary>A fixed dimension.</summary>
    public static TensorDim Fixed(long size) => size > 0 ? new(size, null) : throw new ArgumentOutOfRangeException(nameof(size), size, "A fixed dimension must be positive.");

    /// <summary>A dynamic dimension called <paramref name="symbol"/>.</summary>
    public static TensorDim Dynamic(string symbol) => string.IsNullOrWhiteSpace(symbol) ? throw new ArgumentException("A dynamic dimension needs a name.", nameof(symbol)) : new(-1, symbol);

    /// <summary>Implicit fixed dimension.</summary>
    public static implicit operator TensorDim(long size) => Fixed(size);

    /// <summary>Implicit dynamic dimension.</summary>
    public static implicit operator TensorDim(string symbol) => Dynamic(symbol);

    /// <summary>Same as the implicit conversion.</summary>
    public static TensorDim FromInt64(long size) => Fixed(size);

    /// <summary>Same as the implicit conversion.</summary>
    public static TensorDim FromString(string symbol) => Dynamic(symbol);

    /// <inheritdoc/>
    public override string ToString() => Symbol ?? Size.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

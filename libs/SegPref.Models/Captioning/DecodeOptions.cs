namespace SegPref.Models.Captioning;

/// <summary>How <see cref="CaptionerRun.Describe"/> decodes.</summary>
public sealed record DecodeOptions
{
    /// <summary>Greedy decoding (beam width 1).</summary>
    public static DecodeOptions Greedy { get; } = new();

    /// <summary>Beam width; 1 = greedy.</summary>
    public int BeamWidth { get; init; } = 1;

    /// <summary>Length normalisation exponent alpha: hypotheses are ranked by log-probability / length^alpha (0 = raw sum).</summary>
    public double LengthPenalty { get; init; } = 0.7;

    /// <summary>Most tokens to generate, &lt;eos&gt; included; null = the model's MaxTokens - 1.</summary>
    public int? MaxLength { get; init; }

    /// <summary>Images per forward pass.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Beam search with width <paramref name="width"/>.</summary>
    public static DecodeOptions Beam(int width) => new() { BeamWidth = width };

    /// <summary>Checks the values against the model's token limit and returns the step count to use.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    internal int Steps(CaptionerConfig config)
    {
        if (BeamWidth < 1 || BatchSize < 1 || LengthPenalty < 0 || double.IsNaN(LengthPenalty))
        {
            throw new ArgumentException($"Beam width and batch size must be >= 1 and the length penalty >= 0 (got {BeamWidth}, {BatchSize}, {LengthPenalty}).");
        }

        var limit = config.MaxTokens - 1;
        if (MaxLength is { } max && (max < 1 || max > limit))
        {
            throw new ArgumentException($"MaxLength must be in 1..{limit} for this model, got {max}.");
        }

        return MaxLength ?? limit;
    }
}

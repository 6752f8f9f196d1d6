namespace SegPref.Models.Captioning;

/// <summary>Shape of a <see cref="Captioner"/>; stored in the run's config.json so a run re-creates its model.</summary>
public sealed record CaptionerConfig
{
    /// <summary>Square input size in pixels; a multiple of 2^<see cref="EncoderStages"/>.</summary>
    public int ImageSize { get; init; } = 64;

    /// <summary>Channels of the first conv block; block k has k times as many.</summary>
    public int EncoderWidth { get; init; } = 32;

    /// <summary>Stride-2 conv blocks of the encoder (3 gives an 8x8 token grid at 64 px: objects keep their own tokens).</summary>
    public int EncoderStages { get; init; } = 3;

    /// <summary>
    /// Object kinds of the auxiliary "which kinds are visible" head (sorted canonical names, set from the training
    /// descriptions); empty = no head.
    /// </summary>
    public IReadOnlyList<string> ObjectKinds { get; init; } = [];

    /// <summary>Model width d of visual tokens and the decoder.</summary>
    public int Width { get; init; } = 128;

    /// <summary>Attention heads; must divide <see cref="Width"/>.</summary>
    public int Heads { get; init; } = 4;

    /// <summary>Decoder layers.</summary>
    public int Layers { get; init; } = 2;

    /// <summary>Hidden width of the decoder's feed-forward block.</summary>
    public int FeedForwardWidth { get; init; } = 256;

    /// <summary>Longest token sequence, &lt;bos&gt; and &lt;eos&gt; included (size of the position table).</summary>
    public int MaxTokens { get; init; } = 48;

    /// <summary>Dropout in the decoder while training.</summary>
    public double Dropout { get; init; } = 0.1;

    /// <summary>Number of vocabulary ids (set from the vocabulary).</summary>
    public int VocabularySize { get; init; }

    /// <summary>Side of the visual token grid: <see cref="ImageSize"/> / 2^<see cref="EncoderStages"/>.</summary>
    public int TokenGrid => ImageSize >> EncoderStages;

    /// <summary>Value equality, <see cref="ObjectKinds"/> compared element by element.</summary>
    public bool Equals(CaptionerConfig? other) =>
        other is not null && ImageSize == other.ImageSize && EncoderWidth == other.EncoderWidth && EncoderStages == other.EncoderStages
        && ObjectKinds.SequenceEqual(other.ObjectKinds) && Width == other.Width && Heads == other.Heads && Layers == other.Layers
        && FeedForwardWidth == other.FeedForwardWidth && MaxTokens == other.MaxTokens && Dropout.Equals(other.Dropout)
        && VocabularySize == other.VocabularySize;

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(ImageSize, EncoderWidth, EncoderStages, ObjectKinds.Count, Width, Heads, Layers, HashCode.Combine(FeedForwardWidth, MaxTokens, Dropout, VocabularySize));

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A value is out of range or inconsistent.</exception>
    public void Validate()
    {
        Require(EncoderStages is >= 1 and <= 6, $"EncoderStages must be in 1..6, got {EncoderStages}.");
        var factor = 1 << EncoderStages;
        Require(ImageSize >= factor && ImageSize % factor == 0, $"ImageSize must be a positive multiple of {factor} ({EncoderStages} stride-2 stages), got {ImageSize}.");
        Require(ObjectKinds is not null && ObjectKinds.Distinct().Count() == ObjectKinds.Count, "ObjectKinds must not repeat a kind.");
        Require(Width > 0 && Heads > 0 && Width % Heads == 0, $"Width ({Width}) must be a positive multiple of Heads ({Heads}).");
        Require(Layers > 0 && FeedForwardWidth > 0 && EncoderWidth > 0, "Layers, FeedForwardWidth and EncoderWidth must be positive.");
        Require(MaxTokens >= 3, $"MaxTokens must be at least 3, got {MaxTokens}.");
        Require(Dropout is >= 0 and < 1, $"Dropout must be in [0, 1), got {Dropout}.");
        Require(VocabularySize > CaptionVocabulary.Unk, $"VocabularySize must exceed the 4 special tokens, got {VocabularySize}.");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}

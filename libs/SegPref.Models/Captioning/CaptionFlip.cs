using static TorchSharp.torch;

namespace SegPref.Models.Captioning;

/// <summary>
/// Training augmentation: mirrors chosen frames left-right and swaps the words "left" and "right" in their target
/// descriptions, so the mirrored pair is still a true caption (colours, kinds, "top"/"bottom" and "center" are
/// mirror-invariant). Doubles the scenes the captioner sees without touching the data set.
/// </summary>
internal sealed class CaptionFlip
{
    private readonly long _left;
    private readonly long _right;
    private readonly double _probability;
    private readonly Random _random;

    private CaptionFlip(long left, long right, double probability, int seed)
    {
        (_left, _right, _probability) = (left, right, probability);
        _random = new Random(seed);
    }

    /// <summary>A flipper for <paramref name="vocabulary"/>, or null when the probability is 0 or the vocabulary lacks "left"/"right".</summary>
    public static CaptionFlip? Create(CaptionVocabulary vocabulary, double probability, int seed)
    {
        var left = vocabulary.Encode("left");
        var right = vocabulary.Encode("right");
        var known = left is [> CaptionVocabulary.Unk] && right is [> CaptionVocabulary.Unk];
        return probability > 0 && known ? new CaptionFlip(left[0], right[0], probability, seed) : null;
    }

    /// <summary>Mirrors each row of <paramref name="images"/> [B, 3, S, S] / <paramref name="tokens"/> [B, T] with the set probability.</summary>
    public (Tensor Images, Tensor Tokens) Apply(Tensor images, Tensor tokens)
    {
        var flip = Enumerable.Range(0, (int)images.shape[0]).Select(_ => _random.NextDouble() < _probability).ToArray();
        return Apply(images, tokens, flip);
    }

    /// <summary>Mirrors the rows marked in <paramref name="flip"/>.</summary>
    public (Tensor Images, Tensor Tokens) Apply(Tensor images, Tensor tokens, bool[] flip)
    {
        if (!flip.Any(f => f))
        {
            return (images, tokens);
        }

        var rows = tensor(flip);
        var mirrored = where(rows.view(-1, 1, 1, 1), images.flip(3), images);
        var swapped = tokens + ((tokens == _left).to_type(ScalarType.Int64) * (_right - _left))
            + ((tokens == _right).to_type(ScalarType.Int64) * (_left - _right));
        return (mirrored, where(rows.view(-1, 1), swapped, tokens));
    }
}

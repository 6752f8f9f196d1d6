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

    private CaptionFlip(long left, long right, double probability) => (_left, _right, _probability) = (left, right, probability);

    /// <summary>A flipper for <paramref name="vocabulary"/>, or null when the probability is 0 or the vocabulary lacks "left"/"right".</summary>
    public static CaptionFlip? Create(CaptionVocabulary vocabulary, double probability)
    {
        var left = vocabulary.Encode("left");
        var right = vocabulary.Encode("right");
        var known = left is [> CaptionVocabulary.Unk] && right is [> CaptionVocabulary.Unk];
        return probability > 0 && known ? new CaptionFlip(left[0], right[0], probability) : null;
    }

    /// <summary>Which of <paramref name="rows"/> rows to mirror, each with the set probability, drawn from <paramref name="random"/>.</summary>
    public bool[] Draw(int rows, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return [.. Enumerable.Range(0, rows).Select(_ => random.NextDouble() < _probability)];
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

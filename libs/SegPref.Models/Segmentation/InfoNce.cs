using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>
/// SeDAM's InfoNCE on the audio features. Over the frames of a batch that have at least one valid cue, with
/// a_i = normalise(mean of frame i's projected audio tokens) and c_j = normalise(mean of frame j's valid SeDAM cue
/// tokens), s_ij = a_i . c_j / T; the loss is the mean of the two cross-entropies (rows: audio -> cues, columns:
/// cues -> audio) with the matching frame as the positive and the batch's other frames as negatives.
/// </summary>
public static class InfoNce
{
    /// <summary>Computes the loss; zero when fewer than two frames take part.</summary>
    public static Tensor Compute(ContrastivePair pair, double temperature)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var rows = pair.Valid.nonzero().view(-1);
        var n = rows.shape[0];
        if (n < 2)
        {
            return zeros(1, dtype: pair.Audio.dtype).sum();
        }

        var a = nn.functional.normalize(pair.Audio.index_select(0, rows), dim: -1);
        var c = nn.functional.normalize(pair.Cues.index_select(0, rows), dim: -1);
        var logits = a.matmul(c.transpose(0, 1)) / temperature;
        var labels = arange(n, dtype: ScalarType.Int64);
        return (nn.functional.cross_entropy(logits, labels) + nn.functional.cross_entropy(logits.transpose(0, 1), labels)) / 2;
    }
}

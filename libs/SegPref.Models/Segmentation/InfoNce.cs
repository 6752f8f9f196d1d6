using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>
/// SeDAM's InfoNCE on the audio features. Over the frames of a batch that have at least one valid cue, with
/// a_i = normalise(mean of frame i's projected audio tokens) and c_j = normalise(mean of frame j's valid SeDAM cue
/// tokens), s_ij = a_i . c_j / T; the loss is the mean of the two cross-entropies (rows: audio -> cues, columns:
/// cues -> audio) with the matching frame as the positive and the batch's other frames as negatives: the cue encoder's
/// <see cref="Cues.InfoNce.Loss"/> with one class per frame.
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
        // One positive per frame is the class-labelled loss with one "class" per frame (labels 0..n-1).
        return Cues.InfoNce.Loss(c, a, arange(n, dtype: ScalarType.Int64), temperature);
    }
}

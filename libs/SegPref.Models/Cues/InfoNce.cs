using static TorchSharp.torch;

namespace SegPref.Models.Cues;

/// <summary>Symmetric InfoNCE between class texts and audio seconds that each belong to one class.</summary>
public static class InfoNce
{
    /// <summary>
    /// (audio->text + text->audio) / 2 on logits = audio · textᵀ / τ, both sides unit-length.
    /// audio->text: cross-entropy of each second over ALL class texts (classes absent from the batch are negatives too,
    /// which also pushes never-sounding words away from every sound). text->audio: for each class present in the batch,
    /// multi-positive InfoNCE over the batch's seconds: minus the mean log-softmax of its own seconds (so with P equal
    /// positives its floor is ln P, not 0; the gradient still only asks its seconds to outrank the other classes').
    /// </summary>
    /// <param name="text">Class vectors [C, D].</param>
    /// <param name="audio">Audio embeddings [B, D].</param>
    /// <param name="labels">Class of each second [B], int64 in 0..C-1.</param>
    /// <param name="temperature">τ &gt; 0.</param>
    public static Tensor Loss(Tensor text, Tensor audio, Tensor labels, double temperature)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(temperature);
        using var scope = NewDisposeScope();
        var logits = audio.mm(text.t()).div(temperature);
        var audioToText = nn.functional.cross_entropy(logits, labels);

        var positives = nn.functional.one_hot(labels, text.shape[0]).t().to_type(ScalarType.Float32);
        var counts = positives.sum(1);
        var present = counts.gt(0);
        var logProb = nn.functional.log_softmax(logits.t(), 1);
        var perClass = logProb.mul(positives).sum(1).neg().div(counts.clamp_min(1));
        var textToAudio = perClass.masked_select(present).mean();
        return audioToText.add(textToAudio).div(2).MoveToOuterDisposeScope();
    }
}

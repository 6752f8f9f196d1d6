namespace SegPref.Models.Segmentation;

/// <summary>How SeDAM decides which cue tokens the audio supports (see docs/teso-model.md).</summary>
public enum DynamicMaskMode
{
    /// <summary>No dynamic mask (ablation <c>--no-dynamic-mask</c>): only invalid ("None") slots are masked and no frame is gated.</summary>
    Off,

    /// <summary>
    /// The paper's reading (the default): relevance = mean attention logit of the cue over the audio keys (mean over
    /// keys, then heads); masked when below 0. Softmax ignores a per-query offset, so this mean is free to carry a
    /// learned cue-audio relevance (the cue-relevance loss trains it) without changing what the cue attends to.
    /// </summary>
    Paper,

    /// <summary>
    /// Like <see cref="Paper"/>, with the mean over the audio keys replaced by a soft maximum (log-mean-exp of the
    /// logits; equal to the mean when every key scores the same): a cue is relevant when some audio token matches it,
    /// not when the tokens do on average. Meant for the time-frequency audio map (<c>--audio-map</c>), where a quiet
    /// source occupies a few of its 24 positions and the mean would be little more than a pooled embedding.
    /// </summary>
    Peak,

    /// <summary>
    /// Ablation (the rule served until teso/6): relevance measured against the audio encoder's own embedding of digital
    /// silence, minus a learned positive margin: r = mean logit(q, k(audio)) - mean logit(q, k(silence)) - softplus(m).
    /// Digital zeros give r = -margin &lt; 0 for every cue by construction, whatever was learned; real audio never does.
    /// </summary>
    Calibrated,
}

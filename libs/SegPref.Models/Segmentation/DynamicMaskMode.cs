namespace SegPref.Models.Segmentation;

/// <summary>How SeDAM decides which cue tokens the audio supports (see docs/teso-model.md).</summary>
public enum DynamicMaskMode
{
    /// <summary>No dynamic mask (ablation <c>--no-dynamic-mask</c>): only invalid ("None") slots are masked and no frame is gated.</summary>
    Off,

    /// <summary>The paper's reading: relevance = mean attention logit of the cue over the audio keys (mean over keys, then heads); masked when below 0.</summary>
    Paper,

    /// <summary>
    /// Relevance measured against the audio encoder's own embedding of silence, minus a learned positive margin:
    /// r = mean logit(q, k(audio)) - mean logit(q, k(silence)) - softplus(m). Silence gives r = -margin &lt; 0 by construction.
    /// </summary>
    Calibrated,
}

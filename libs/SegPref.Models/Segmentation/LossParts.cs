namespace SegPref.Models.Segmentation;

/// <summary>The loss parts of one optimisation step, as numbers.</summary>
/// <param name="Step">1-based step number.</param>
/// <param name="Total">Weighted total that was minimised.</param>
/// <param name="Bce">BCE-with-logits on the map.</param>
/// <param name="Dice">Soft Dice loss on the map.</param>
/// <param name="InfoNce">InfoNCE term (unweighted; 0 when disabled or for the audio-only model).</param>
/// <param name="Cue">Cue-relevance term (unweighted; 0 when disabled or for the audio-only model).</param>
/// <param name="Grounding">Grounding term: cue grounding for TeSO, objectness for the audio-only model (unweighted; 0 when disabled).</param>
public sealed record LossParts(long Step, double Total, double Bce, double Dice, double InfoNce, double Cue = 0, double Grounding = 0)
{
    /// <summary>Counterfactual relevance term (unweighted; 0 when disabled).</summary>
    public double Counterfactual { get; init; }
}

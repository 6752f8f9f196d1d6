namespace SegPref.Models.Segmentation;

/// <summary>Weights of the training loss: total = Bce * BCE + Dice * Dice + InfoNce * InfoNCE + Cue * relevance + Grounding * grounding.</summary>
/// <param name="BceWeight">Weight of BCE-with-logits on the binary map.</param>
/// <param name="DiceWeight">Weight of the soft Dice loss on the binary map.</param>
/// <param name="InfoNceWeight">Weight of SeDAM's InfoNCE term; 0 disables it (<c>--no-infonce</c>). Ignored for the audio-only model.</param>
/// <param name="InfoNceTemperature">Temperature of the InfoNCE similarities.</param>
/// <param name="CueWeight">
/// Weight of the cue-relevance term: BCE of every SeDAM layer's relevance (a keep logit) against whether the cue's class
/// sounds in the frame (from the AVSS semantic labels); 0 disables it. Ignored for the audio-only model.
/// </param>
/// <param name="GroundingWeight">
/// Weight of the grounding term: BCE + Dice of the grounding logits against the boxes of the objects each text cue
/// names (TeSO) or of every object (the baseline), sounding or not; 0 disables it. Needs a model with
/// <see cref="SegmenterOptions.Grounding"/>.
/// </param>
/// <param name="CounterfactualWeight">
/// Weight of the counterfactual relevance term: the cue-relevance BCE of a second pass on audio in which nothing
/// visible sounds, every cue's target 0 (TeSO; <see cref="Training.SegmentationTrainingOptions.CounterfactualWeight"/>).
/// </param>
public sealed record SegmentationLossOptions(
    double BceWeight = 1.0,
    double DiceWeight = 1.0,
    double InfoNceWeight = 0.1,
    double InfoNceTemperature = 0.1,
    double CueWeight = 0,
    double GroundingWeight = 0,
    double CounterfactualWeight = 0)
{
    /// <summary>Checks the weights are finite and non-negative and the temperature positive.</summary>
    /// <exception cref="ArgumentException">A weight is negative or not finite, or the temperature is not positive.</exception>
    public void Validate()
    {
        double[] weights = [BceWeight, DiceWeight, InfoNceWeight, CueWeight, GroundingWeight, CounterfactualWeight];
        if (weights.Any(w => !double.IsFinite(w) || w < 0) || !(InfoNceTemperature > 0))
        {
            throw new ArgumentException($"Invalid loss options {this}: weights must be finite and >= 0, the temperature > 0.");
        }
    }
}

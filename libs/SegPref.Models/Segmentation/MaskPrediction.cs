using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>Per-query predictions.</summary>
/// <param name="ClassLogits">Object/null logits [B,Q,2] (index 0 = object).</param>
/// <param name="MaskLogits">Per-query mask logits [B,Q,H/4,W/4].</param>
public sealed record MaskPrediction(Tensor ClassLogits, Tensor MaskLogits);

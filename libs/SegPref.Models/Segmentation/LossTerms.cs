using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>The loss and its parts as scalar tensors (Total carries the gradient).</summary>
public sealed record LossTerms(Tensor Total, Tensor Bce, Tensor Dice, Tensor InfoNce, Tensor Cue, Tensor Grounding);

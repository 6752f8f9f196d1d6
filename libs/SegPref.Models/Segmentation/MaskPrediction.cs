using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>Per-query predictions.</summary>
/// <param name="ClassLogits">Object/null logits [B,Q,2] (index 0 = object).</param>
/// <param name="MaskLogits">Per-query mask logits [B,Q,H/4,W/4].</param>
/// <param name="PromptAttention">
/// How much each query read each prompt in PMQS, the heads' mean attention weight [B,Q,P] (zero on blocked prompts);
/// set by <see cref="MaskTransformerDecoder"/>.
/// </param>
public sealed record MaskPrediction(Tensor ClassLogits, Tensor MaskLogits, Tensor? PromptAttention = null);

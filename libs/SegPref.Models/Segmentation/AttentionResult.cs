using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>Output of one <see cref="HandAttention"/> call.</summary>
/// <param name="Output">Attended values after the output projection, [B,Nq,d].</param>
/// <param name="Logits">Scaled dot-product scores before masking, [B,heads,Nq,Nk].</param>
public sealed record AttentionResult(Tensor Output, Tensor Logits);

using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>Output of one <see cref="HandAttention"/> call.</summary>
/// <param name="Output">Attended values after the output projection, [B,Nq,d].</param>
/// <param name="Logits">Scaled dot-product scores before masking, [B,heads,Nq,Nk].</param>
/// <param name="Weights">The attention weights after masking, [B,heads,Nq,Nk] (rows sum to 1, or to 0 for a query that receives nothing).</param>
public sealed record AttentionResult(Tensor Output, Tensor Logits, Tensor Weights);

using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>One SeDAM layer's result.</summary>
/// <param name="Tokens">Updated cue tokens [B,S,d].</param>
/// <param name="Keep">Hard keep mask after this layer [B,S] (bool).</param>
/// <param name="SoftKeep">Product of the sigmoid relevances so far [B,S], the straight-through surrogate of <paramref name="Keep"/>.</param>
/// <param name="Relevance">This layer's relevance score per cue [B,S] (masked where below 0).</param>
/// <param name="AttentionLogits">Cue-to-audio attention logits [B,heads,S,A].</param>
public sealed record SedamLayerOutput(Tensor Tokens, Tensor Keep, Tensor SoftKeep, Tensor Relevance, Tensor AttentionLogits);

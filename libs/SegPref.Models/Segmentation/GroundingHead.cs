using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>
/// The training-only grounding head both segmenters share (<see cref="SegmenterOptions.Grounding"/>): two linear layers
/// map tokens to mask embeddings, dotted with the pixel decoder's mask features like a decoder query's.
/// </summary>
internal static class GroundingHead
{
    /// <summary>The head's layers for width <paramref name="dim"/> (kept as a Sequential so its weights are named ground_embed.0/.2).</summary>
    public static Sequential Create(int dim) => nn.Sequential(nn.Linear(dim, dim), nn.ReLU(), nn.Linear(dim, dim));

    /// <summary>Grounding logits [B,K,h,w] of <paramref name="tokens"/> [B,K,d] over <paramref name="maskFeatures"/> [B,d,h,w].</summary>
    public static Tensor Logits(Sequential head, Tensor tokens, Tensor maskFeatures) =>
        einsum("bkc,bchw->bkhw", head.call(tokens), maskFeatures);
}

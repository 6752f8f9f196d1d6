using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>Mask2Former's heads: LayerNorm, a class head (object/null) and a 3-layer mask-embedding MLP dotted with the mask features.</summary>
public sealed class MaskPredictionHead : nn.Module<Tensor, Tensor, MaskPrediction>
{
    private readonly LayerNorm decoder_norm;
    private readonly Linear class_embed;
    private readonly Sequential mask_embed;

    /// <summary>Creates the heads for width <paramref name="dim"/>.</summary>
    public MaskPredictionHead(int dim)
        : base(nameof(MaskPredictionHead))
    {
        decoder_norm = nn.LayerNorm(dim);
        class_embed = nn.Linear(dim, 2);
        mask_embed = nn.Sequential(nn.Linear(dim, dim), nn.ReLU(), nn.Linear(dim, dim), nn.ReLU(), nn.Linear(dim, dim));
        RegisterComponents();
    }

    /// <summary>Predicts from <paramref name="queries"/> [B,Q,d] and <paramref name="maskFeatures"/> [B,d,h,w].</summary>
    public override MaskPrediction forward(Tensor queries, Tensor maskFeatures)
    {
        var q = decoder_norm.call(queries);
        var embedding = mask_embed.call(q);
        var masks = einsum("bqc,bchw->bqhw", embedding, maskFeatures);
        return new MaskPrediction(class_embed.call(q), masks);
    }
}

using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>
/// PMQS + Mask2Former decoder: Q learnable queries (with positional embeddings) first cross-attend to the prompt
/// tokens through a <see cref="GatedCrossAttention"/> (masked prompts excluded), then L <see cref="MaskedDecoderLayer"/>s
/// visit the (up to three) coarsest pixel-decoder scales round robin, each masked by the previous layer's masks.
/// </summary>
public sealed class MaskTransformerDecoder : nn.Module<PixelDecoderOutput, Tensor, Tensor, MaskPrediction>
{
    private readonly Embedding query_feat;
    private readonly Embedding query_embed;
    private readonly Embedding level_embed;
    private readonly GatedCrossAttention pmqs;
    private readonly ModuleList<MaskedDecoderLayer> layers = new();
    private readonly MaskPredictionHead head;
    private readonly int _levels;
    private readonly int _dim;

    /// <summary>Creates the decoder for <paramref name="options"/> over <paramref name="scales"/> pixel-decoder scales.</summary>
    public MaskTransformerDecoder(SegmenterOptions options, int scales)
        : base(nameof(MaskTransformerDecoder))
    {
        ArgumentNullException.ThrowIfNull(options);
        _levels = Math.Min(3, scales);
        _dim = options.Dim;
        query_feat = nn.Embedding(options.Queries, options.Dim);
        query_embed = nn.Embedding(options.Queries, options.Dim);
        level_embed = nn.Embedding(_levels, options.Dim);
        pmqs = new GatedCrossAttention(options.Dim, options.Heads);
        for (var i = 0; i < options.DecoderLayers; i++)
        {
            layers.Add(new MaskedDecoderLayer(options.Dim, options.Heads, options.HiddenDim));
        }

        head = new MaskPredictionHead(options.Dim);
        RegisterComponents();
    }

    /// <summary>
    /// Decodes <paramref name="pixels"/> prompted by <paramref name="prompts"/> [B,P,d]; <paramref name="promptBlocked"/>
    /// [B,P] (bool) is true for prompts the queries may not see.
    /// </summary>
    public override MaskPrediction forward(PixelDecoderOutput pixels, Tensor prompts, Tensor promptBlocked)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(prompts);
        var batch = prompts.shape[0];
        var queryPos = query_embed.weight!.unsqueeze(0);
        var queries = query_feat.weight!.unsqueeze(0).expand(batch, -1, -1);
        var read = pmqs.Attend(queries, queryPos, prompts, promptBlocked);
        queries = read.Output;

        // Coarsest first, as Mask2Former: the first layer sees the cheapest, most global scale.
        var memories = new (Tensor Memory, Tensor Pos, long H, long W)[_levels];
        for (var l = 0; l < _levels; l++)
        {
            var feature = pixels.Features[pixels.Features.Length - 1 - l];
            var (h, w) = (feature.shape[2], feature.shape[3]);
            var memory = feature.flatten(2).transpose(1, 2) + level_embed.weight![l];
            memories[l] = (memory, SinePosition.Encode(h, w, _dim), h, w);
        }

        var prediction = head.call(queries, pixels.MaskFeatures);
        for (var i = 0; i < layers.Count; i++)
        {
            var (memory, pos, h, w) = memories[i % _levels];
            var blocked = AttentionMask(prediction.MaskLogits, h, w);
            queries = layers[i].Step(queries, queryPos, memory, pos, blocked);
            prediction = head.call(queries, pixels.MaskFeatures);
        }

        return prediction with { PromptAttention = read.Weights.mean([1]) };
    }

    // Previous masks resized to the layer's scale; a pixel is blocked where sigmoid < 0.5. No gradient, as Mask2Former.
    private static Tensor AttentionMask(Tensor maskLogits, long height, long width)
    {
        using var noGrad = no_grad();
        var resized = nn.functional.interpolate(maskLogits, size: [height, width], mode: InterpolationMode.Bilinear, align_corners: false);
        return resized.flatten(2).lt(0).detach();
    }
}

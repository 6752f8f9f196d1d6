using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>
/// The part both segmenters share: visual encoder, pixel decoder, PMQS + masked-attention decoder, and the binary map
/// map = gate * sum_q softmax(class_q)[object] * mask_q + (1 - gate) * NothingLogit.
/// </summary>
public sealed class SegmenterTrunk : nn.Module<Tensor, Tensor, Tensor, Tensor, SegmentationOutput>
{
    private readonly VisualEncoder visual_encoder;
    private readonly PixelDecoder pixel_decoder;
    private readonly MaskTransformerDecoder transformer_decoder;
    private readonly double _nothingLogit;

    /// <summary>Creates the trunk for <paramref name="options"/>.</summary>
    public SegmenterTrunk(SegmenterOptions options)
        : base(nameof(SegmenterTrunk))
    {
        ArgumentNullException.ThrowIfNull(options);
        visual_encoder = VisualEncoder.Create(options.Backbone);
        pixel_decoder = new PixelDecoder(visual_encoder.Channels, options.Dim);
        transformer_decoder = new MaskTransformerDecoder(options, visual_encoder.Channels.Count);
        _nothingLogit = options.NothingLogit;
        RegisterComponents();
    }

    /// <summary>The visual encoder (load ImageNet weights into it with <see cref="ResNetWeights"/>).</summary>
    public VisualEncoder VisualEncoder => visual_encoder;

    /// <summary>
    /// Segments <paramref name="frames"/> [B,3,H,W] prompted by <paramref name="prompts"/> [B,P,d] (blocked where
    /// <paramref name="promptBlocked"/> [B,P] is true), with the per-frame <paramref name="gate"/> [B] (1 = something may sound).
    /// </summary>
    public override SegmentationOutput forward(Tensor frames, Tensor prompts, Tensor promptBlocked, Tensor gate) =>
        Decode(frames, Encode(frames), prompts, promptBlocked, gate);

    /// <summary>The visual encoder's multi-scale features of <paramref name="frames"/> (finest first).</summary>
    public Tensor[] Encode(Tensor frames) => visual_encoder.call(frames);

    /// <summary><see cref="forward"/> from features already computed by <see cref="Encode"/> (so SeDAM may look at them first).</summary>
    public SegmentationOutput Decode(Tensor frames, Tensor[] features, Tensor prompts, Tensor promptBlocked, Tensor gate)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(gate);
        var pixels = pixel_decoder.call(features);
        var prediction = transformer_decoder.call(pixels, prompts, promptBlocked);
        var weights = nn.functional.softmax(prediction.ClassLogits, -1).select(-1, 0);
        var combined = einsum("bq,bqhw->bhw", weights, prediction.MaskLogits);
        var g = gate.view(-1, 1, 1);
        var low = (g * combined) + ((1 - g) * _nothingLogit);
        var full = nn.functional.interpolate(low.unsqueeze(1), size: [frames.shape[2], frames.shape[3]], mode: InterpolationMode.Bilinear, align_corners: false).squeeze(1);
        return new SegmentationOutput(full, low, prediction, gate, null, null, pixels.MaskFeatures);
    }
}

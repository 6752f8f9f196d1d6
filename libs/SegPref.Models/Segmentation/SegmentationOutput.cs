using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>A segmenter's output for one batch.</summary>
/// <param name="MapLogits">Binary sounding-object logits at input resolution [B,H,W] (bilinear from 1/4).</param>
/// <param name="LowResMapLogits">The same map at mask-feature resolution [B,H/4,W/4].</param>
/// <param name="Prediction">Per-query class and mask logits of the last decoder layer.</param>
/// <param name="FrameGate">1 where some prompt survived, 0 where the frame is declared silent [B] (straight-through in training).</param>
/// <param name="Sedam">SeDAM's keep masks, relevance and attention logits (TeSO only).</param>
/// <param name="Contrastive">InfoNCE inputs (TeSO only).</param>
/// <param name="MaskFeatures">The pixel decoder's mask features [B,d,H/4,W/4].</param>
/// <param name="GroundingLogits">
/// With <see cref="SegmenterOptions.Grounding"/>: TeSO, per text cue slot, where its objects are [B,S,H/4,W/4]; the
/// baseline, where any object is [B,1,H/4,W/4].
/// </param>
public sealed record SegmentationOutput(
    Tensor MapLogits,
    Tensor LowResMapLogits,
    MaskPrediction Prediction,
    Tensor FrameGate,
    SedamOutput? Sedam,
    ContrastivePair? Contrastive,
    Tensor? MaskFeatures = null,
    Tensor? GroundingLogits = null);

using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>Pixel-decoder features.</summary>
/// <param name="Features">Per-scale features of width d, finest first ([B,d,H/s,W/s]).</param>
/// <param name="MaskFeatures">High-resolution mask features [B,d,H/4,W/4] the query embeddings are dotted with.</param>
public sealed record PixelDecoderOutput(Tensor[] Features, Tensor MaskFeatures);

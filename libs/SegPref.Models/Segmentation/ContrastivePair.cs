using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>The two sides of SeDAM's InfoNCE term, one row per frame.</summary>
/// <param name="Audio">Mean of the frame's projected audio tokens [B,d].</param>
/// <param name="Cues">Mean of the frame's valid SeDAM cue tokens [B,d] (zero when it has none).</param>
/// <param name="Valid">Frames with at least one valid cue [B] (bool); only these take part.</param>
public sealed record ContrastivePair(Tensor Audio, Tensor Cues, Tensor Valid);

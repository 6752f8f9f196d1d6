using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>One batch of frames to segment.</summary>
/// <param name="Frames">Normalised RGB frames [B,3,H,W] (float32, ImageNet mean/std).</param>
/// <param name="Audio">The frozen audio encoder's embedding of each frame's second [B,AudioDim].</param>
/// <param name="Cues">Cue embeddings [B,S,D_text]; ignored by <see cref="AudioOnlySegmenter"/>.</param>
/// <param name="CueValid">Cue validity [B,S] (bool or 0/1; false = "None" slot); ignored by <see cref="AudioOnlySegmenter"/>.</param>
/// <param name="Withheld">
/// Prompt groups the decoder's queries may not see (attribution only; <see cref="PromptGroups.None"/> is the served pass).
/// SeDAM, its keep mask and the frame gate are unchanged.
/// </param>
public sealed record SegmentationInput(Tensor Frames, Tensor Audio, Tensor? Cues = null, Tensor? CueValid = null, PromptGroups Withheld = PromptGroups.None);

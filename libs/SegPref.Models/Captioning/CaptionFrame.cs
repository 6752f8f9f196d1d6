using SegPref.Media.Imaging;

namespace SegPref.Models.Captioning;

/// <summary>One training/evaluation example: a frame (already at the model's input size) and its reference description.</summary>
/// <param name="Image">The frame.</param>
/// <param name="Description">The ground-truth description (AVS-Synth synth.json).</param>
/// <param name="Source">The frame's file, for messages.</param>
public sealed record CaptionFrame(RgbImage Image, string Description, string Source);

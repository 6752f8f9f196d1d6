namespace SegPref.Models.Segmentation.Training;

/// <summary>One frame of a <see cref="SegmentationFrames"/> set.</summary>
/// <param name="Uid">Clip uid.</param>
/// <param name="FrameIndex">The frame's index in its clip folder (frames/&lt;i&gt;.png), also its second of audio.</param>
/// <param name="Description">The AVS-Synth description (what a perfect captioner would say).</param>
/// <param name="GroundTruthCues">The AVS-Synth cue slots ("None"-padded to 4).</param>
public sealed record FrameRecord(string Uid, int FrameIndex, string Description, string[] GroundTruthCues);

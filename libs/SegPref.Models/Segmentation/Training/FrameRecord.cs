namespace SegPref.Models.Segmentation.Training;

/// <summary>One frame of a <see cref="SegmentationFrames"/> set.</summary>
/// <param name="Uid">Clip uid.</param>
/// <param name="FrameIndex">The second of the clip the frame shows: AVSS frames/&lt;i&gt;.png is i, AVSBench &lt;video&gt;_&lt;k&gt;.png is k - 1; also its second of audio.</param>
/// <param name="Description">The AVS-Synth description (what a perfect captioner would say).</param>
/// <param name="GroundTruthCues">The AVS-Synth cue slots ("None"-padded to 4).</param>
public sealed record FrameRecord(string Uid, int FrameIndex, string Description, string[] GroundTruthCues)
{
    /// <summary>The objects drawn in the frame (AVS-Synth ground truth; boxes in mask pixels). Empty when unknown.</summary>
    public IReadOnlyList<FrameObject> Objects { get; init; } = [];

    /// <summary>AVSS class names present in the frame's semantic ground truth (labels_rgb): the classes that sound.</summary>
    public IReadOnlyList<string> SoundingClasses { get; init; } = [];
}

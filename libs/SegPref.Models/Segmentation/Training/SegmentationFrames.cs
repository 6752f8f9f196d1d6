namespace SegPref.Models.Segmentation.Training;

/// <summary>
/// The frames, binary ground truth and AVS-Synth text of one split, resized once to the model side and kept as bytes
/// (a standard split is 6,000 frames: 74 MB of pixels). Frames are in clip order, then time order.
/// </summary>
/// <param name="Size">Square side S of every image and mask.</param>
/// <param name="Images">RGB pixels [N,3,S,S] (CHW, 0-255).</param>
/// <param name="Masks">Binary ground truth [N,S,S] (0/1).</param>
/// <param name="Frames">Which clip and frame each row is, with its description and ground-truth cue slots.</param>
/// <param name="Clips">First row and frame count of each clip (the official metrics batch by clip).</param>
public sealed record SegmentationFrames(
    int Size,
    byte[] Images,
    byte[] Masks,
    IReadOnlyList<FrameRecord> Frames,
    IReadOnlyList<(int Start, int Count)> Clips)
{
    /// <summary>Number of frames N.</summary>
    public int Count => Frames.Count;

    /// <summary>Pixels of one image (3 S S).</summary>
    public int ImageLength => 3 * Size * Size;

    /// <summary>Pixels of one mask (S S).</summary>
    public int MaskLength => Size * Size;
}

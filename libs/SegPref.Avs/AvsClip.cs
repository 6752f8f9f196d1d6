namespace SegPref.Avs;

/// <summary>
/// One clip of an AVS dataset on disk, by paths only: decoding frames, masks and audio is left to
/// the caller (SegPref.Media). Existence of every listed file was checked when the clip was loaded.
/// </summary>
/// <param name="Uid">Clip id (AVSS uid, AVSBench video name).</param>
/// <param name="Split">train, val or test (AVS-Synth adds test-counter).</param>
/// <param name="Dir">The folder holding the clip's frames.</param>
/// <param name="FramePaths">Frame images in time order.</param>
/// <param name="MaskPaths">Ground-truth mask per frame, aligned with <paramref name="FramePaths"/>; null where the frame is not annotated.</param>
/// <param name="AudioPath">The clip's WAV file.</param>
public abstract record AvsClip(
    string Uid,
    string Split,
    string Dir,
    IReadOnlyList<string> FramePaths,
    IReadOnlyList<string?> MaskPaths,
    string AudioPath)
{
    /// <summary>Number of frames.</summary>
    public int FrameCount => FramePaths.Count;

    /// <summary>Number of frames that have a mask.</summary>
    public int AnnotatedFrameCount => MaskPaths.Count(p => p is not null);
}

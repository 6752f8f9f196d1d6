namespace SegPref.Avs.Original;

/// <summary>One clip of the original AVSBench S4 or MS3 release; masks are binary PNGs.</summary>
/// <param name="Row">The clip's metadata row.</param>
/// <param name="Subset">S4 or MS3.</param>
/// <param name="Dir">The folder holding the frames.</param>
/// <param name="FramePaths">The five frames, in time order.</param>
/// <param name="MaskPaths">Mask per frame; null for the unannotated S4 train frames 2..5.</param>
/// <param name="AudioPath">The clip's WAV file.</param>
public sealed record AvsBenchClip(
    AvsBenchMetaRow Row,
    AvsBenchSubset Subset,
    string Dir,
    IReadOnlyList<string> FramePaths,
    IReadOnlyList<string?> MaskPaths,
    string AudioPath)
    : AvsClip(Row?.VideoName ?? throw new ArgumentNullException(nameof(Row)), Row.Split, Dir, FramePaths, MaskPaths, AudioPath)
{
    /// <summary>The S4 category; null for MS3.</summary>
    public string? Category => Row.Category;
}

namespace SegPref.Avs.Original;

/// <summary>
/// Paths of the original AVSBench release (root = the subset folder holding the metadata CSV).
/// S4: <c>visual_frames/{split}/{category}/{video}/{video}_{k}.png</c>, <c>gt_masks/</c> likewise,
/// <c>audio_wav/{split}/{category}/{video}.wav</c>. MS3 has no category level: masks in
/// <c>gt_masks/{split}/{video}/{video}_{k}.png</c>, audio in <c>audio_wav/{split}/{video}.wav</c>, and
/// frames either as the official release stores them, <c>visual_frames/{video}/{video}.mp4_{k}.png</c>
/// (no split level), or as <c>visual_frames/{split}/{video}/{video}_{k}.png</c>; k = 1..5.
/// </summary>
public static class AvsBenchLayout
{
    /// <summary>Frames per clip (one per second), numbered 1..5.</summary>
    public const int FramesPerClip = 5;

    /// <summary>Frame folder.</summary>
    public const string FramesFolder = "visual_frames";

    /// <summary>Binary mask folder.</summary>
    public const string MasksFolder = "gt_masks";

    /// <summary>Audio folder.</summary>
    public const string AudioFolder = "audio_wav";

    /// <summary>The metadata CSV name of a subset.</summary>
    public static string MetadataFile(AvsBenchSubset subset) =>
        subset == AvsBenchSubset.S4 ? "s4_meta_data.csv" : "ms3_meta_data.csv";

    /// <summary>The frame numbers that carry a mask: S4 train annotates frame 1 only.</summary>
    public static IReadOnlyList<int> AnnotatedFrames(AvsBenchSubset subset, string split) =>
        subset == AvsBenchSubset.S4 && split == "train" ? [1] : [.. Enumerable.Range(1, FramesPerClip)];

    /// <summary>Mask path of frame <paramref name="k"/> (1-based).</summary>
    public static string MaskPath(string root, AvsBenchSubset subset, AvsBenchMetaRow row, int k)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Path.Combine(ClipFolder(root, MasksFolder, subset, row), $"{row.VideoName}_{k}.png");
    }

    /// <summary>Audio path of a clip.</summary>
    public static string AudioPath(string root, AvsBenchSubset subset, AvsBenchMetaRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var parent = subset == AvsBenchSubset.S4
            ? Path.Combine(root, AudioFolder, row.Split, row.Category ?? "")
            : Path.Combine(root, AudioFolder, row.Split);
        return Path.Combine(parent, row.VideoName + ".wav");
    }

    /// <summary>Candidate frame paths of frame <paramref name="k"/>, preferred first (MS3 has two known layouts).</summary>
    public static IReadOnlyList<string> FramePathCandidates(string root, AvsBenchSubset subset, AvsBenchMetaRow row, int k)
    {
        ArgumentNullException.ThrowIfNull(row);
        var standard = Path.Combine(ClipFolder(root, FramesFolder, subset, row), $"{row.VideoName}_{k}.png");
        return subset == AvsBenchSubset.S4
            ? [standard]
            : [Path.Combine(root, FramesFolder, row.VideoName, $"{row.VideoName}.mp4_{k}.png"), standard];
    }

    private static string ClipFolder(string root, string folder, AvsBenchSubset subset, AvsBenchMetaRow row) =>
        subset == AvsBenchSubset.S4
            ? Path.Combine(root, folder, row.Split, row.Category ?? "", row.VideoName)
            : Path.Combine(root, folder, row.Split, row.VideoName);
}

namespace SegPref.Avs.Original;

/// <summary>
/// The original AVSBench S4 or MS3 release (layout in <see cref="AvsBenchLayout"/>). <see cref="Open(string, AvsBenchSubset)"/>
/// reads the metadata; each clip's files are checked when it is loaded, and errors name the file.
/// </summary>
public sealed class AvsBenchDataset
{
    private AvsBenchDataset(string root, AvsBenchSubset subset, IReadOnlyList<AvsBenchMetaRow> rows)
    {
        Root = root;
        Subset = subset;
        Rows = rows;
    }

    /// <summary>The subset folder.</summary>
    public string Root { get; }

    /// <summary>S4 or MS3.</summary>
    public AvsBenchSubset Subset { get; }

    /// <summary>All metadata rows, in file order.</summary>
    public IReadOnlyList<AvsBenchMetaRow> Rows { get; }

    /// <summary>Reads the subset's metadata CSV under <paramref name="root"/>.</summary>
    /// <exception cref="InvalidDataException">Missing root or metadata file, or malformed metadata.</exception>
    public static AvsBenchDataset Open(string root, AvsBenchSubset subset) =>
        Open(root, subset, Path.Combine(root ?? throw new ArgumentNullException(nameof(root)), AvsBenchLayout.MetadataFile(subset)));

    /// <summary>
    /// Reads the metadata CSV at <paramref name="metadataPath"/> for the files under <paramref name="root"/>: the official
    /// download keeps <c>s4_meta_data.csv</c> beside the <c>s4_data/</c> folder that holds visual_frames, gt_masks and audio_wav.
    /// </summary>
    /// <exception cref="InvalidDataException">Missing root or metadata file, or malformed metadata.</exception>
    public static AvsBenchDataset Open(string root, AvsBenchSubset subset, string metadataPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        if (!Directory.Exists(root))
        {
            throw new InvalidDataException($"{root}: dataset folder not found.");
        }

        var rows = AvsBenchMetadata.Read(metadataPath, subset);
        return new AvsBenchDataset(root, subset, rows);
    }

    /// <summary>Loads the clips of a split (null = all), in metadata order, one at a time.</summary>
    /// <exception cref="InvalidDataException">While enumerating: a frame, an expected mask or the audio is missing.</exception>
    public IEnumerable<AvsBenchClip> Clips(string? split = null) =>
        Rows.Where(r => split is null || r.Split == split).Select(LoadClip);

    /// <summary>Resolves and checks one clip's files.</summary>
    /// <exception cref="InvalidDataException">A frame, an expected mask or the audio is missing.</exception>
    public AvsBenchClip LoadClip(AvsBenchMetaRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var frames = FindFrames(row);
        var annotated = AvsBenchLayout.AnnotatedFrames(Subset, row.Split);
        var masks = new string?[AvsBenchLayout.FramesPerClip];
        foreach (var k in annotated)
        {
            masks[k - 1] = Existing(AvsBenchLayout.MaskPath(Root, Subset, row, k), "mask");
        }

        var audio = Existing(AvsBenchLayout.AudioPath(Root, Subset, row), "audio file");
        return new AvsBenchClip(row, Subset, Path.GetDirectoryName(frames[0])!, frames, masks, audio);
    }

    private string[] FindFrames(AvsBenchMetaRow row)
    {
        // The layout is chosen by frame 1; the other frames must then follow the same layout.
        var first = AvsBenchLayout.FramePathCandidates(Root, Subset, row, 1);
        var layout = Enumerable.Range(0, first.Count).FirstOrDefault(i => File.Exists(first[i]), -1);
        if (layout < 0)
        {
            throw new InvalidDataException($"{string.Join(" or ", first)}: frame 1 of '{row.VideoName}' not found.");
        }

        return [.. Enumerable.Range(1, AvsBenchLayout.FramesPerClip)
            .Select(k => Existing(AvsBenchLayout.FramePathCandidates(Root, Subset, row, k)[layout], "frame"))];
    }

    private static string Existing(string path, string what) =>
        File.Exists(path) ? path : throw new InvalidDataException($"{path}: {what} not found.");
}

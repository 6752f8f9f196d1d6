namespace SegPref.Avs.Avss;

/// <summary>
/// An AVSS-layout dataset (the AVSS release or AVS-Synth). <see cref="Open"/> reads and checks the
/// root files; clip folders are resolved and checked when a clip is loaded, and errors name the file.
/// </summary>
public sealed class AvssDataset
{
    private AvssDataset(string root, IReadOnlyList<AvssMetadataRow> rows, IReadOnlyDictionary<string, int> label2Idx)
    {
        Root = root;
        Rows = rows;
        Label2Idx = label2Idx;
    }

    /// <summary>The dataset root.</summary>
    public string Root { get; }

    /// <summary>All metadata.csv rows, in file order.</summary>
    public IReadOnlyList<AvssMetadataRow> Rows { get; }

    /// <summary>label2idx.json: class name -> 1-based index (checked against <see cref="AvssClasses"/>).</summary>
    public IReadOnlyDictionary<string, int> Label2Idx { get; }

    /// <summary>Reads metadata.csv and label2idx.json under <paramref name="root"/>.</summary>
    /// <exception cref="InvalidDataException">Missing root, missing or malformed root file, or a duplicate uid.</exception>
    public static AvssDataset Open(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        if (!Directory.Exists(root))
        {
            throw new InvalidDataException($"{root}: dataset folder not found.");
        }

        var metadataPath = Path.Combine(root, AvssLayout.MetadataFile);
        var rows = AvssMetadata.Read(metadataPath);
        var label2Idx = AvssLabelIndex.Read(Path.Combine(root, AvssLayout.Label2IdxFile));
        var duplicate = rows.GroupBy(r => r.Uid, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"{metadataPath}: uid '{duplicate.Key}' appears {duplicate.Count()} times.");
        }

        return new AvssDataset(root, rows, label2Idx);
    }

    /// <summary>Loads the clips whose split and label match (null = any), in metadata order, one at a time.</summary>
    /// <exception cref="InvalidDataException">While enumerating: a clip folder, its audio or its frames are missing, or a file is misnamed.</exception>
    public IEnumerable<AvssClip> Clips(string? split = null, string? label = null) =>
        Rows.Where(r => (split is null || r.Split == split) && (label is null || r.Label == label))
            .Select(LoadClip);

    /// <summary>Resolves and checks one clip's folder.</summary>
    /// <exception cref="InvalidDataException">The clip folder, its audio or its frames are missing, or a file is misnamed.</exception>
    public AvssClip LoadClip(AvssMetadataRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return AvssClipLoader.Load(Root, row);
    }
}

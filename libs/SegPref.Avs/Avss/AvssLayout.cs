namespace SegPref.Avs.Avss;

/// <summary>
/// Paths of the AVSS release layout: <c>&lt;root&gt;/metadata.csv</c>, <c>&lt;root&gt;/label2idx.json</c>,
/// <c>&lt;root&gt;/&lt;label&gt;/&lt;uid&gt;/frames/&lt;i&gt;.jpg|png</c>, <c>audio.wav</c>, <c>labels_rgb/&lt;i&gt;.png</c>.
/// AVS-Synth adds <c>synth.json</c> (per-frame descriptions and cues) in each clip folder and
/// <c>synth-config.json</c> at the root; readers treat both as optional.
/// </summary>
public static class AvssLayout
{
    /// <summary>Metadata file name at the root.</summary>
    public const string MetadataFile = "metadata.csv";

    /// <summary>Label index file name at the root.</summary>
    public const string Label2IdxFile = "label2idx.json";

    /// <summary>Per-clip audio file name.</summary>
    public const string AudioFile = "audio.wav";

    /// <summary>
    /// AVS-Synth only: the clip's background alone (the standard preset's noise, or the realistic preset's noise floor),
    /// as mixed into audio.wav; the "noise-floor" evaluation condition plays it instead of the clip.
    /// </summary>
    public const string NoiseFile = "noise.wav";

    /// <summary>Per-clip frame folder name.</summary>
    public const string FramesFolder = "frames";

    /// <summary>Per-clip colour mask folder name.</summary>
    public const string LabelsFolder = "labels_rgb";

    /// <summary>AVS-Synth's per-clip extras (descriptions, cues, sounding classes per frame).</summary>
    public const string SynthClipFile = "synth.json";

    /// <summary>AVS-Synth's generator configuration and seed at the root.</summary>
    public const string SynthConfigFile = "synth-config.json";

    /// <summary>The CSV header of metadata.csv.</summary>
    public const string MetadataHeader = "vid,uid,s_min,s_sec,a_obj,split,label";

    /// <summary>The folder of one clip.</summary>
    public static string ClipDir(string root, AvssMetadataRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Path.Combine(root, row.Label, row.Uid);
    }
}

using SegPref.Avs.Avss;
using SegPref.Avs.Original;

namespace SegPref.Avs.Data;

/// <summary>
/// An AVS dataset on disk in any layout `segpref --data` reads (<see cref="AvsDataFormat"/>), seen the same way: the clips
/// of each split in metadata order, each resolved and checked when loaded (errors name the file). The AVSS-layout
/// reader stays available as <see cref="Avss"/> for what only AVS-Synth has (synth.json, noise.wav).
/// </summary>
public sealed class AvsData
{
    private readonly IReadOnlyList<(string Uid, string Split, Func<AvsClip> Load)> _rows;

    private AvsData(string root, AvsDataFormat format, AvssDataset? avss, AvsBenchDataset? bench)
    {
        Root = root;
        Format = format;
        Avss = avss;
        Bench = bench;
        _rows = avss is not null
            ? [.. avss.Rows.Select(r => (r.Uid, r.Split, (Func<AvsClip>)(() => avss.LoadClip(r))))]
            : [.. bench!.Rows.Select(r => (r.VideoName, r.Split, (Func<AvsClip>)(() => bench.LoadClip(r))))];
    }

    /// <summary>The folder the user named.</summary>
    public string Root { get; }

    /// <summary>The layout found there.</summary>
    public AvsDataFormat Format { get; }

    /// <summary>The AVSS-layout reader (AVS-Synth and the AVSS release); null for S4 and MS3.</summary>
    public AvssDataset? Avss { get; }

    /// <summary>The original AVSBench reader (S4 and MS3); null for the AVSS layout.</summary>
    public AvsBenchDataset? Bench { get; }

    /// <summary>Whether the clips carry AVS-Synth's labels (descriptions, cues, boxes, off-screen sources, noise.wav).</summary>
    public bool HasSynthLabels => Format == AvsDataFormat.Synth;

    /// <summary>Whether the masks name the class of every sounding pixel (AVSS colour masks); S4 and MS3 masks are binary.</summary>
    public bool HasClassLabels => Format is AvsDataFormat.Synth or AvsDataFormat.Avss;

    /// <summary>The root and what it is, for messages ("data/s4 (AVSBench S4)").</summary>
    public string Description => $"{Root} ({AvsDataFormats.Describe(Format)})";

    /// <summary>The splits in metadata order.</summary>
    public IReadOnlyList<string> Splits => [.. _rows.Select(r => r.Split).Distinct(StringComparer.Ordinal)];

    /// <summary>Opens <paramref name="root"/>, detecting the layout unless <paramref name="format"/> names it.</summary>
    /// <exception cref="InvalidDataException">Not a dataset of that (or any known) layout; the message names what is missing.</exception>
    public static AvsData Open(string root, AvsDataFormat? format = null)
    {
        var found = AvsDataLayout.Detect(root, format);
        return found.Format is AvsDataFormat.S4 or AvsDataFormat.Ms3
            ? new AvsData(root, found.Format, null, AvsBenchDataset.Open(found.DataRoot, found.Format == AvsDataFormat.S4 ? AvsBenchSubset.S4 : AvsBenchSubset.Ms3, found.MetadataPath))
            : new AvsData(root, found.Format, AvssDataset.Open(found.DataRoot), null);
    }

    /// <summary>
    /// Refuses data without AVS-Synth's per-frame labels (synth.json) for <paramref name="purpose"/>, a trainer that learns
    /// from them; <paramref name="alternative"/> says what to do on real data instead.
    /// </summary>
    /// <exception cref="InvalidDataException">Not a dataset, or real data (the message names the layout found and the way out).</exception>
    public static void RequireSynthLabels(string root, string purpose, string alternative)
    {
        var data = Open(root);
        if (data.HasSynthLabels || (data.Avss is { Rows.Count: > 0 } avss && avss.LoadClip(avss.Rows[0]).Synth is not null))
        {
            return;
        }

        throw new InvalidDataException(
            $"{data.Description}: {purpose} learns from AVS-Synth's per-frame labels (synth.json), which real data does not have. Train it on AVS-Synth (`segpref synth`) and use it on real data, or {alternative}.");
    }

    /// <summary>Whether any clip belongs to <paramref name="split"/>.</summary>
    public bool HasSplit(string split) => _rows.Any(r => r.Split == split);

    /// <summary>The uids of <paramref name="split"/>'s clips, in metadata order.</summary>
    public IReadOnlyList<string> Uids(string split) => [.. _rows.Where(r => r.Split == split).Select(r => r.Uid)];

    /// <summary>Resolves and checks clip <paramref name="index"/> of <paramref name="split"/> (metadata order).</summary>
    /// <exception cref="InvalidDataException">A frame, mask or the audio of the clip is missing.</exception>
    public AvsClip LoadClip(string split, int index) => _rows.Where(r => r.Split == split).ElementAt(index).Load();

    /// <summary>The second of the clip each frame shows: AVSS frames/&lt;i&gt; is second i, AVSBench frame k is second k - 1.</summary>
    public static IReadOnlyList<int> FrameSeconds(AvsClip clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        return clip is AvssClip avss ? avss.FrameIndices : [.. Enumerable.Range(0, clip.FrameCount)];
    }
}

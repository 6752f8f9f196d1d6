using SegPref.Media.Imaging;
using SegPref.Media.Masks;
using SegPref.Models.Segmentation.Training;

namespace SegPref.Models.Segmentation.Preference;

/// <summary>
/// The example-clip figure: one row per example frame: the frame, its ground truth, then every run's mask under normal
/// and under muted audio (overlays, upscaled for reading).
/// </summary>
public sealed class PreferenceFigure
{
    private const int PanelSide = 128;
    private static readonly (byte R, byte G, byte B) Truth = (0, 200, 0);
    private static readonly (byte R, byte G, byte B) Predicted = (230, 40, 40);
    private readonly SegmentationFrames _frames;
    private readonly List<(string Run, string Condition, Dictionary<int, float[]> Maps)> _columns = [];

    /// <summary>Creates a figure over <paramref name="rows"/> of the test frames.</summary>
    public PreferenceFigure(SegmentationFrames frames, IReadOnlyList<int> rows)
    {
        _frames = frames ?? throw new ArgumentNullException(nameof(frames));
        Rows = rows ?? throw new ArgumentNullException(nameof(rows));
    }

    /// <summary>The example rows.</summary>
    public IReadOnlyList<int> Rows { get; }

    /// <summary>Picks <paramref name="count"/> example rows: the middle frame of clips spread evenly over the split.</summary>
    public static IReadOnlyList<int> PickRows(SegmentationFrames frames, int count)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var clips = frames.Clips;
        return [.. Enumerable.Range(0, Math.Min(count, clips.Count)).Select(i => clips[i * clips.Count / Math.Min(count, clips.Count)]).Select(c => c.Start + (c.Count / 2))];
    }

    /// <summary>Returns the collector for one run and condition (pass it as a frame callback).</summary>
    public Action<int, float[]> Collect(string run, string condition)
    {
        var maps = new Dictionary<int, float[]>();
        _columns.Add((run, condition, maps));
        return (row, probs) =>
        {
            if (Rows.Contains(row))
            {
                lock (maps)
                {
                    maps[row] = probs;
                }
            }
        };
    }

    /// <summary>Renders the grid as PNG bytes.</summary>
    public byte[] RenderPng()
    {
        var panels = new List<RgbImage>();
        var labels = new List<string>();
        var size = _frames.Size;
        foreach (var row in Rows)
        {
            var frame = SegmentationFeatures.Image(_frames, row);
            var truth = new BinaryMask(size, size, _frames.Masks.AsSpan(row * _frames.MaskLength, _frames.MaskLength).ToArray());
            panels.Add(frame.Resize(PanelSide, PanelSide));
            labels.Add(_frames.Frames[row].Uid);
            panels.Add(Overlay.Draw(frame, truth, Truth).Resize(PanelSide, PanelSide));
            labels.Add("ground truth");
            foreach (var (run, condition, maps) in _columns)
            {
                panels.Add(maps.TryGetValue(row, out var probs)
                    ? Overlay.Draw(frame, new ProbabilityMap(size, size, probs).ToBinary(), Predicted).Resize(PanelSide, PanelSide)
                    : RgbImage.Filled(PanelSide, PanelSide, (40, 40, 40)));
                labels.Add($"{run} {condition}");
            }
        }

        var grid = Overlay.SideBySide(panels, gap: 4, columns: 2 + _columns.Count, labels: Overlay.CanDrawLabels ? labels : null);
        return ImageCodec.EncodePng(grid);
    }
}

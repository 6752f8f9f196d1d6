namespace SegPref.Media.Imaging;

/// <summary>Grid layout of panels (frame, ground truth, prediction, ...) for <c>segpref render</c>.</summary>
public static partial class Overlay
{
    /// <summary>
    /// Lays the panels out left to right, top to bottom, <paramref name="columns"/> per row (0 = all in one row),
    /// each in a cell as large as the largest panel (top-left aligned), <paramref name="gap"/> pixels apart,
    /// on black. With <paramref name="labels"/>, draws each label in a panel's top-left corner (wrapped to the cell's
    /// width, clipped to the cell) when a font is available (see <see cref="CanDrawLabels"/>); otherwise the labels
    /// are skipped.
    /// </summary>
    public static RgbImage SideBySide(IReadOnlyList<RgbImage> panels, int gap, int columns = 0, IReadOnlyList<string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(panels);
        ArgumentOutOfRangeException.ThrowIfNegative(gap);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if (panels.Count == 0)
        {
            throw new ArgumentException("At least one panel is needed.", nameof(panels));
        }

        if (labels is not null && labels.Count != panels.Count)
        {
            throw new ArgumentException($"Got {labels.Count} labels for {panels.Count} panels.", nameof(labels));
        }

        var perRow = columns == 0 ? panels.Count : Math.Min(columns, panels.Count);
        var rows = (panels.Count + perRow - 1) / perRow;
        var cellWidth = panels.Max(p => p.Width);
        var cellHeight = panels.Max(p => p.Height);
        var grid = new RgbImage(
            checked((perRow * cellWidth) + ((perRow - 1) * gap)),
            checked((rows * cellHeight) + ((rows - 1) * gap)));
        for (var i = 0; i < panels.Count; i++)
        {
            Paste(grid, panels[i], (i % perRow) * (cellWidth + gap), (i / perRow) * (cellHeight + gap));
        }

        return labels is null ? grid : PanelLabels.Draw(grid, labels, perRow, cellWidth, cellHeight, gap);
    }

    /// <summary>Whether <see cref="SideBySide"/> can draw labels here (a typeface with glyphs was found).</summary>
    public static bool CanDrawLabels => PanelLabels.FontAvailable;

    private static void Paste(RgbImage target, RgbImage panel, int left, int top)
    {
        for (var y = 0; y < panel.Height; y++)
        {
            Array.Copy(panel.Pixels, y * panel.Width * 3, target.Pixels, (((top + y) * target.Width) + left) * 3, panel.Width * 3);
        }
    }
}

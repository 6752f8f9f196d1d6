using SkiaSharp;

namespace SegPref.Media.Imaging;

/// <summary>
/// Text captions on grid panels. The self-contained Linux Skia build has no fontconfig, so the default
/// typeface may have no glyphs; then a font file from the usual system folders is tried (DejaVu Sans
/// first), and with none at all labels are skipped rather than drawn as empty boxes.
/// </summary>
internal static class PanelLabels
{
    private const float TextSize = 12f;
    private const float Padding = 3f;

    private static readonly string[] FontFolders = ["/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts", @"C:\Windows\Fonts"];

    private static readonly EnumerationOptions Search = new() { RecurseSubdirectories = true, IgnoreInaccessible = true };

    /// <summary>A typeface with glyphs (the default, or a system font file), or null when there is none.</summary>
    internal static SKTypeface? Typeface { get; } = FindTypeface();

    public static bool FontAvailable => Typeface is not null;

    /// <summary>
    /// Draws each label in its cell's top-left corner, wrapped onto as many lines as it needs to fit
    /// <paramref name="cellWidth"/> (at spaces, else after hyphens), and clipped to the cell.
    /// </summary>
    public static RgbImage Draw(RgbImage grid, IReadOnlyList<string> labels, int perRow, int cellWidth, int cellHeight, int gap)
    {
        if (!FontAvailable)
        {
            return grid;
        }

        using var bitmap = SkiaBitmaps.ToBitmap(grid);
        using (var canvas = new SKCanvas(bitmap))
        using (var font = new SKFont(Typeface, TextSize))
        using (var box = new SKPaint { Color = new SKColor(0, 0, 0, 160) })
        using (var ink = new SKPaint { Color = SKColors.White, IsAntialias = true })
        {
            for (var i = 0; i < labels.Count; i++)
            {
                if (string.IsNullOrEmpty(labels[i]))
                {
                    continue;
                }

                float left = (i % perRow) * (cellWidth + gap), top = (i / perRow) * (cellHeight + gap);
                canvas.Save();
                canvas.ClipRect(new SKRect(left, top, left + cellWidth, top + cellHeight));
                var lines = Wrap(labels[i], cellWidth - (2 * Padding), t => font.MeasureText(t));
                for (var l = 0; l < lines.Count; l++)
                {
                    var y = top + (l * (TextSize + Padding));
                    canvas.DrawRect(left, y, font.MeasureText(lines[l]) + (2 * Padding), TextSize + (2 * Padding), box);
                    canvas.DrawText(lines[l], left + Padding, y + Padding + TextSize - font.Metrics.Descent, SKTextAlign.Left, font, ink);
                }

                canvas.Restore();
            }
        }

        return SkiaBitmaps.FromBitmap(bitmap);
    }

    /// <summary>
    /// Greedy line breaking: pieces end at spaces (dropped) or after hyphens (kept); a line takes pieces while it fits
    /// <paramref name="maxWidth"/>, and a piece wider than that alone gets its own line.
    /// </summary>
    internal static List<string> Wrap(string text, float maxWidth, Func<string, float> measure)
    {
        var pieces = new List<string>();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var start = 0;
            for (var k = 0; k < word.Length; k++)
            {
                if (word[k] == '-' && k + 1 < word.Length)
                {
                    pieces.Add(word[start..(k + 1)]);
                    start = k + 1;
                }
            }

            pieces.Add(word[start..] + " ");
        }

        var lines = new List<string>();
        var line = "";
        foreach (var piece in pieces)
        {
            var candidate = line + piece;
            if (line.Length > 0 && measure(candidate.TrimEnd()) > maxWidth)
            {
                lines.Add(line.TrimEnd());
                line = piece;
            }
            else
            {
                line = candidate;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line.TrimEnd());
        }

        return lines;
    }

    private static SKTypeface? FindTypeface()
    {
        if (SKTypeface.Default.GlyphCount > 0)
        {
            return SKTypeface.Default;
        }

        var files = FontFolders
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.ttf", Search))
            .OrderBy(file => Path.GetFileName(file) == "DejaVuSans.ttf" ? 0 : 1)
            .Take(20);
        foreach (var file in files)
        {
            var typeface = SKTypeface.FromFile(file);
            if (typeface is { GlyphCount: > 0 })
            {
                return typeface;
            }

            typeface?.Dispose();
        }

        return null;
    }
}

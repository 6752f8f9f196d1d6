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

    private static readonly SKTypeface? Typeface = FindTypeface();

    public static bool FontAvailable => Typeface is not null;

    public static RgbImage Draw(RgbImage grid, IReadOnlyList<string> labels, int perRow, int strideX, int strideY)
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

                float left = (i % perRow) * strideX, top = (i / perRow) * strideY;
                var width = font.MeasureText(labels[i]);
                canvas.DrawRect(left, top, width + (2 * Padding), TextSize + (2 * Padding), box);
                canvas.DrawText(labels[i], left + Padding, top + Padding + TextSize - font.Metrics.Descent, SKTextAlign.Left, font, ink);
            }
        }

        return SkiaBitmaps.FromBitmap(bitmap);
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

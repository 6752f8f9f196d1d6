using SkiaSharp;

namespace SegPref.Media.Imaging;

/// <summary>
/// Text captions on grid panels. The self-contained Linux Skia build has no fontconfig, so the default
/// typeface may have no glyphs; then labels are skipped rather than drawn as empty boxes.
/// </summary>
internal static class PanelLabels
{
    private const float TextSize = 12f;
    private const float Padding = 3f;

    public static bool FontAvailable { get; } = SKTypeface.Default.GlyphCount > 0;

    public static RgbImage Draw(RgbImage grid, IReadOnlyList<string> labels, int perRow, int strideX, int strideY)
    {
        if (!FontAvailable)
        {
            return grid;
        }

        using var bitmap = SkiaBitmaps.ToBitmap(grid);
        using (var canvas = new SKCanvas(bitmap))
        using (var font = new SKFont(SKTypeface.Default, TextSize))
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
}

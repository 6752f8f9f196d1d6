using SkiaSharp;

namespace SegPref.Media.Charts;

/// <summary>Renders simple line charts (training curves) to PNG with SkiaSharp.</summary>
public static class LineChart
{
    private static readonly SKColor[] Palette =
    [
        new(31, 119, 180), new(255, 127, 14), new(44, 160, 44), new(214, 39, 40),
        new(148, 103, 189), new(140, 86, 75), new(227, 119, 194), new(127, 127, 127),
    ];

    /// <summary>Renders the series into a PNG of the given size; axes span the finite data range.</summary>
    public static byte[] RenderPng(string title, string xLabel, IReadOnlyList<ChartSeries> series, int width = 800, int height = 480)
    {
        ArgumentNullException.ThrowIfNull(series);
        var points = series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        double minX = points.Count > 0 ? points.Min(p => p.X) : 0, maxX = points.Count > 0 ? points.Max(p => p.X) : 1;
        double minY = points.Count > 0 ? points.Min(p => p.Y) : 0, maxY = points.Count > 0 ? points.Max(p => p.Y) : 1;
        if (maxX <= minX)
        {
            maxX = minX + 1;
        }

        if (maxY <= minY)
        {
            maxY = minY + 1;
        }

        const float left = 70, right = 20, top = 40, bottom = 50;
        float plotW = width - left - right, plotH = height - top - bottom;
        float Px(double x) => left + (float)((x - minX) / (maxX - minX) * plotW);
        float Py(double y) => top + plotH - (float)((y - minY) / (maxY - minY) * plotH);

        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var axisPaint = new SKPaint { Color = SKColors.Black, StrokeWidth = 1, IsAntialias = true, Style = SKPaintStyle.Stroke };
        using var gridPaint = new SKPaint { Color = new SKColor(225, 225, 225), StrokeWidth = 1, Style = SKPaintStyle.Stroke };
        using var font = new SKFont(Imaging.PanelLabels.Typeface ?? SKTypeface.Default, 13);
        using var textPaint = new SKPaint { Color = SKColors.Black, IsAntialias = true };

        for (var i = 0; i <= 5; i++)
        {
            var y = minY + ((maxY - minY) * i / 5);
            canvas.DrawLine(left, Py(y), left + plotW, Py(y), gridPaint);
            canvas.DrawText(FormatTick(y), 5, Py(y) + 4, SKTextAlign.Left, font, textPaint);
            var x = minX + ((maxX - minX) * i / 5);
            canvas.DrawText(FormatTick(x), Px(x), top + plotH + 18, SKTextAlign.Center, font, textPaint);
        }

        canvas.DrawRect(left, top, plotW, plotH, axisPaint);
        canvas.DrawText(title, width / 2f, 24, SKTextAlign.Center, font, textPaint);
        canvas.DrawText(xLabel, left + (plotW / 2), height - 10, SKTextAlign.Center, font, textPaint);

        for (var s = 0; s < series.Count; s++)
        {
            using var linePaint = new SKPaint { Color = Palette[s % Palette.Length], StrokeWidth = 2, IsAntialias = true, Style = SKPaintStyle.Stroke };
            var pts = series[s].Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).Select(p => new SKPoint(Px(p.X), Py(p.Y))).ToArray();
            if (pts.Length > 1)
            {
                canvas.DrawPoints(SKPointMode.Polygon, pts, linePaint);
            }

            var legendY = top + 16 + (s * 18);
            canvas.DrawLine(left + plotW - 160, legendY - 4, left + plotW - 135, legendY - 4, linePaint);
            canvas.DrawText(series[s].Name, left + plotW - 130, legendY, SKTextAlign.Left, font, textPaint);
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static string FormatTick(double v) => Math.Abs(v) >= 1000 || (Math.Abs(v) < 0.01 && v != 0) ? v.ToString("0.##E0") : v.ToString("0.###");
}

using SegPref.Media.Charts;
using SkiaSharp;

namespace SegPref.Media.Tests.Charts;

public sealed class LineChartTests
{
    [Fact]
    public void RenderPng_TwoSeries_DrawsBothColoursOnWhite()
    {
        var loss = new ChartSeries("loss", [(0, 1.0), (1, 0.5), (2, 0.25)]);
        var acc = new ChartSeries("accuracy", [(0, 0.1), (1, 0.6), (2, 0.9)]);

        var png = LineChart.RenderPng("training", "epoch", [loss, acc], 400, 300);

        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(400, bitmap.Width);
        Assert.Equal(300, bitmap.Height);
        Assert.Equal(SKColors.White, bitmap.GetPixel(2, 298));
        var colours = new HashSet<SKColor>();
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                colours.Add(bitmap.GetPixel(x, y));
            }
        }

        Assert.Contains(new SKColor(31, 119, 180), colours);
        Assert.Contains(new SKColor(255, 127, 14), colours);
    }

    [Fact]
    public void RenderPng_NoFinitePoints_StillRenders()
    {
        var png = LineChart.RenderPng("empty", "x", [new ChartSeries("nan", [(0, double.NaN)])], 200, 150);

        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(200, bitmap.Width);
    }
}

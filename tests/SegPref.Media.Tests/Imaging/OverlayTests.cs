using SegPref.Media.Imaging;
using SegPref.Media.Masks;

namespace SegPref.Media.Tests.Imaging;

public sealed class OverlayTests
{
    [Fact]
    public void Draw_BinaryMask_TintsForegroundOnly()
    {
        var frame = RgbImage.Filled(2, 1, (0, 0, 100));
        var mask = new BinaryMask(2, 1, [1, 0]);

        var result = Overlay.Draw(frame, mask, (255, 0, 0), 0.5f);

        Assert.Equal((128, 0, 50), Rgb(result[0, 0]));
        Assert.Equal((0, 0, 100), Rgb(result[1, 0]));
        Assert.Equal((0, 0, 100), Rgb(frame[0, 0]));
    }

    [Fact]
    public void Draw_ProbabilityMap_WeightsTintByProbability()
    {
        var frame = RgbImage.Filled(3, 1, (0, 0, 0));
        var map = new ProbabilityMap(3, 1, [0f, 0.5f, 1f]);

        var result = Overlay.Draw(frame, map, (0, 200, 0), 1f);

        Assert.Equal(new[] { 0, 100, 200 }, Enumerable.Range(0, 3).Select(x => (int)result[x, 0].G));
    }

    [Fact]
    public void Draw_SmallerMask_IsScaledNearestToFrame()
    {
        var frame = RgbImage.Filled(4, 4, (0, 0, 0));
        var mask = new BinaryMask(2, 2, [1, 0, 0, 0]);

        var result = Overlay.Draw(frame, mask, (255, 255, 255), 1f);

        var tinted = Enumerable.Range(0, 16).Where(i => result.Pixels[3 * i] == 255).ToArray();
        Assert.Equal(new[] { 0, 1, 4, 5 }, tinted);
    }

    [Fact]
    public void Draw_AlphaAboveOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Overlay.Draw(new RgbImage(1, 1), new BinaryMask(1, 1), (1, 1, 1), 1.5f));
    }

    [Fact]
    public void SideBySide_OneRow_PlacesPanelsWithBlackGap()
    {
        var red = RgbImage.Filled(2, 2, (255, 0, 0));
        var blue = RgbImage.Filled(2, 1, (0, 0, 255));

        var strip = Overlay.SideBySide([red, blue], gap: 1);

        Assert.Equal((5, 2), (strip.Width, strip.Height));
        Assert.Equal((255, 0, 0), Rgb(strip[1, 1]));
        Assert.Equal((0, 0, 0), Rgb(strip[2, 0]));
        Assert.Equal((0, 0, 255), Rgb(strip[3, 0]));
        Assert.Equal((0, 0, 0), Rgb(strip[3, 1]));
    }

    [Fact]
    public void SideBySide_TwoColumns_WrapsIntoRows()
    {
        var panels = Enumerable.Range(1, 3).Select(i => RgbImage.Filled(1, 1, ((byte)i, 0, 0))).ToArray();

        var grid = Overlay.SideBySide(panels, gap: 0, columns: 2);

        Assert.Equal((2, 2), (grid.Width, grid.Height));
        Assert.Equal(new[] { 1, 2, 3, 0 }, Enumerable.Range(0, 4).Select(i => (int)grid.Pixels[3 * i]));
    }

    [Fact]
    public void SideBySide_WithLabels_DrawsTextWhenAFontExists()
    {
        var panels = new[] { RgbImage.Filled(60, 30, (0, 0, 0)), RgbImage.Filled(60, 30, (0, 0, 0)) };

        var grid = Overlay.SideBySide(panels, gap: 2, labels: ["frame", "mask"]);

        Assert.Equal((122, 30), (grid.Width, grid.Height));
        var lit = grid.Pixels.Count(v => v > 0);
        Assert.Equal(Overlay.CanDrawLabels, lit > 0);
    }

    [Fact]
    public void SideBySide_LongLabel_WrapsInsideItsCellAndNeverPaintsTheNextPanel()
    {
        var panels = new[] { RgbImage.Filled(60, 60, (0, 0, 0)), RgbImage.Filled(60, 60, (0, 0, 0)) };

        var grid = Overlay.SideBySide(panels, gap: 2, labels: ["teso-no-dynamic-mask-14ep normal", ""]);

        var litAt = (int x0, int x1, int y0, int y1) => Enumerable.Range(y0, y1 - y0)
            .Any(y => Enumerable.Range(x0, x1 - x0).Any(x => grid.Pixels[3 * ((y * grid.Width) + x)] > 0));
        Assert.False(litAt(60, grid.Width, 0, 60));
        Assert.Equal(Overlay.CanDrawLabels, litAt(0, 60, 20, 60));
    }

    [Theory]
    [InlineData("teso-no-dyn-mask mute", new[] { "teso-no-dyn-mask", "mute" })]
    [InlineData("audio-only normal", new[] { "audio-only", "normal" })]
    [InlineData("ground truth", new[] { "ground truth" })]
    [InlineData("teso-cue-loss-open-cue-14ep normal", new[] { "teso-cue-loss-", "open-cue-14ep", "normal" })]
    [InlineData("abcdefghijklmnopqrstuvwxyz", new[] { "abcdefghijklmnopqrstuvwxyz" })]
    public void Wrap_BreaksAtSpacesThenAfterHyphens(string text, string[] expected)
    {
        Assert.Equal(expected, PanelLabels.Wrap(text, 100, t => t.Length * 6f));
    }

    [Fact]
    public void SideBySide_LabelCountMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => Overlay.SideBySide([new RgbImage(1, 1)], 0, labels: ["a", "b"]));
    }

    private static (int, int, int) Rgb((byte R, byte G, byte B) c) => (c.R, c.G, c.B);
}

using SegPref.Avs.Avss;
using SegPref.Media.Masks;
using SkiaSharp;

namespace SegPref.Avs.Tests.Synth;

public class SynthGeneratorMaskTests(SynthQuickFixture quick) : IClassFixture<SynthQuickFixture>
{
    [Fact]
    public void Generate_QuickPreset_MaskClassesAreExactlyTheSoundingClasses()
    {
        foreach (var (row, info) in quick.Clips)
        {
            foreach (var frame in info.Frames)
            {
                using var mask = SKBitmap.Decode(Path.Combine(AvssLayout.ClipDir(quick.Root, row), AvssLayout.LabelsFolder, $"{frame.Index}.png"));
                Assert.Equal((quick.Config.FrameSizePx, quick.Config.FrameSizePx), (mask.Width, mask.Height));
                var classes = new HashSet<int>();
                foreach (var pixel in mask.Pixels)
                {
                    var index = AvssPalette.IndexOf(pixel.Red, pixel.Green, pixel.Blue);
                    Assert.True(index >= 0, $"{row.Uid} frame {frame.Index}: colour not in the AVSS palette");
                    classes.Add(index);
                }

                classes.Remove(0);
                var sounding = frame.Objects.Where(o => o.Sounding).Select(o => AvssClasses.IndexOf(o.Kind)).ToHashSet();
                Assert.Equal(sounding.Order(), classes.Order());
            }
        }
    }
}

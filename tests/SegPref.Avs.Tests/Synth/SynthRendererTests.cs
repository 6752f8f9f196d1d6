using SegPref.Avs.Avss;
using SegPref.Avs.Synth;
using SkiaSharp;

namespace SegPref.Avs.Tests.Synth;

public class SynthRendererTests
{
    private static readonly SynthStyle Style = new(SKColors.Brown, "brown", SKColors.Black, SKColors.Bisque, Flip: false);

    [Fact]
    public void Labels_DistractorAndSilentObjects_AreBackgroundAndOccludeSoundingOnes()
    {
        SynthObjectPlan[] plans =
        [
            new("dog", false, Style, [SKRect.Create(4, 8, 40, 30)]),
            new("box", true, Style, [SKRect.Create(24, 14, 20, 20)]),
            new("cat", false, Style, [SKRect.Create(2, 30, 24, 22)]),
        ];

        var labels = SynthRenderer.Labels(plans, [true, false, false], 64, 0);
        var silhouettes = SynthRenderer.Silhouettes(plans, 64, 0);
        var top = SynthRenderer.TopMost(silhouettes, 64 * 64);

        var dog = (byte)AvssClasses.IndexOf("dog");
        Assert.Contains(dog, labels.Indices);
        Assert.Equal(new byte[] { 0, dog }, labels.Indices.Distinct().Order());
        for (var p = 0; p < top.Length; p++)
        {
            Assert.Equal(top[p] == 0 ? dog : (byte)0, labels.Indices[p]);
        }

        // The box covers part of the dog: those pixels are background although the dog is drawn below.
        Assert.Contains(Enumerable.Range(0, top.Length), p => silhouettes[0][p] && top[p] == 1);
    }

    [Fact]
    public void Place_RandomCasts_ObjectsInsideFrameAndMostlyVisible()
    {
        var model = SynthSoundingModel.Create(SynthConfig.Quick, SynthSplits.Train);
        for (var clip = 0; clip < 60; clip++)
        {
            var rng = SynthRandom.ForClip(3, 0, clip);
            var plans = SynthLayout.Place(model.Draw(rng, new SynthStrata(3, 0, clip), 3), 48, 3, rng);
            for (var t = 0; t < 3; t++)
            {
                Assert.All(plans, o => Assert.True(o.Boxes[t].Left >= 0 && o.Boxes[t].Top >= 0 && o.Boxes[t].Right <= 48.01f && o.Boxes[t].Bottom <= 48.01f));
                Assert.All(SynthRenderer.VisibleFractions(plans, 48, t), v => Assert.True(v >= 1 - SynthLayout.MaxHidden));
            }
        }
    }

    [Fact]
    public void EncodeFrame_Png_DecodesToFrameSize()
    {
        var background = SynthBackground.Draw(32, new SynthRandom(1));
        SynthObjectPlan[] plans = [new("clock", false, Style, [SKRect.Create(4, 4, 20, 20)])];

        using var bitmap = SKBitmap.Decode(SynthRenderer.EncodeFrame(background, plans, 32, 0, SynthFrameFormat.Png));

        Assert.Equal((32, 32), (bitmap.Width, bitmap.Height));
        Assert.NotEqual(bitmap.GetPixel(14, 14), bitmap.GetPixel(31, 31));
    }
}

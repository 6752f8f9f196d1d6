using SegPref.Media.Masks;
using SegPref.Segmentation.Service.Masks;

namespace SegPref.Mesh.Tests.Segmentation;

public sealed class MaskRendererTests
{
    [Fact]
    public void Render_PositiveLeftHalf_MaskIsLeftHalfAtFrameSize()
    {
        var logits = new float[1, 2, 2];
        logits[0, 0, 0] = logits[0, 1, 0] = 5;
        logits[0, 0, 1] = logits[0, 1, 1] = -5;

        var (mask, reply) = MaskRenderer.Render(logits, 0, 8, 4, includeProbability: false);

        Assert.Equal((8, 4), (reply.Width, reply.Height));
        Assert.Equal(16, reply.Area);
        Assert.True(mask[0, 0]);
        Assert.False(mask[7, 3]);
        Assert.Equal(mask.Values, CocoRle.FromCompressedString(4, 8, reply.Rle).Decode().Values);
        Assert.True(reply.ProbabilityPng.IsEmpty);
    }

    [Fact]
    public void IoU_HalfOverlap_IsOneThird()
    {
        var a = new BinaryMask(4, 1, [1, 1, 0, 0]);
        var b = new BinaryMask(4, 1, [0, 1, 1, 0]);

        Assert.Equal(1.0 / 3, MaskRenderer.IoU(a, b), 6);
    }

    [Fact]
    public void IoU_BothEmpty_IsOne()
    {
        Assert.Equal(1.0, MaskRenderer.IoU(new BinaryMask(2, 2), new BinaryMask(2, 2)));
    }
}

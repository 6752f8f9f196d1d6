using SegPref.Media.Masks;
using SegPref.Serving.Masks;

namespace SegPref.Mesh.Tests.Segmentation;

public sealed class MaskRendererTests
{
    [Fact]
    public void Render_PositiveLeftHalf_MaskIsLeftHalfAtFrameSize()
    {
        float[] logits = [5, -5, 5, -5];

        var reply = MaskRenderer.Render(logits, 2, 8, 4, includeProbability: false);

        var mask = BinaryMask.Decode(reply.Png.ToByteArray(), "mask");
        Assert.Equal((8, 4), (reply.Width, reply.Height));
        Assert.Equal(16, reply.Area);
        Assert.True(mask[0, 0]);
        Assert.False(mask[7, 3]);
        Assert.Equal(mask.Values, CocoRle.FromCompressedString(4, 8, reply.Rle).Decode().Values);
        Assert.True(reply.ProbabilityPng.IsEmpty);
    }

    [Fact]
    public void Render_WithProbability_ReturnsProbabilityPngAtFrameSize()
    {
        float[] logits = [5, -5, 5, -5];

        var reply = MaskRenderer.Render(logits, 2, 8, 4, includeProbability: true);

        var map = ProbabilityMap.Decode(reply.ProbabilityPng.ToByteArray(), "probability");
        Assert.Equal((8, 4), (map.Width, map.Height));
    }
}

using SegPref.Serving.Masks;

namespace SegPref.Mesh.Tests.Segmentation;

public sealed class LogitResizerTests
{
    [Fact]
    public void Bilinear_DoubleWidth_MatchesPyTorchAlignCornersFalse()
    {
        // torch.nn.functional.interpolate(torch.tensor([[[[0., 1.]]]]), size=(1, 4), mode="bilinear", align_corners=False)
        // = [0, 0.25, 0.75, 1].
        var result = LogitResizer.Bilinear([0f, 1f], 2, 1, 4, 1);

        Assert.Equal([0f, 0.25f, 0.75f, 1f], result);
    }

    [Fact]
    public void Bilinear_SameSize_ReturnsTheInput()
    {
        float[] source = [1, -2, 3, 4, 5, -6];

        Assert.Equal(source, LogitResizer.Bilinear(source, 3, 2, 3, 2));
    }

    [Fact]
    public void Bilinear_HalfSize_AveragesNeighbours()
    {
        // Downsampling by 2 samples exactly between pixel pairs.
        var result = LogitResizer.Bilinear([0f, 2f, 4f, 6f], 4, 1, 2, 1);

        Assert.Equal([1f, 5f], result);
    }

    [Fact]
    public void Bilinear_LengthDoesNotFillSize_Throws()
    {
        Assert.Throws<ArgumentException>(() => LogitResizer.Bilinear([1f, 2f, 3f], 2, 2, 4, 4));
    }
}

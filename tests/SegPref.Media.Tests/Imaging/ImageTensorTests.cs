using SegPref.Media.Imaging;

namespace SegPref.Media.Tests.Imaging;

public sealed class ImageTensorTests
{
    [Fact]
    public void ToChw_KnownPixel_GivesImageNetNormalisedValues()
    {
        var image = RgbImage.Filled(1, 1, (255, 0, 128));

        var tensor = ImageTensor.ToChw(image, 1, 1, ImageTensor.ImageNetMean, ImageTensor.ImageNetStd);

        Assert.Equal((1f - 0.485f) / 0.229f, tensor[0], 5);
        Assert.Equal((0f - 0.456f) / 0.224f, tensor[1], 5);
        Assert.Equal(((128f / 255f) - 0.406f) / 0.225f, tensor[2], 5);
    }

    [Fact]
    public void ToChw_IdentityStats_LaysOutChannelsThenRowsThenColumns()
    {
        var image = new RgbImage(3, 2);
        image[2, 1] = (51, 102, 255);

        var tensor = ImageTensor.ToChw(image, 3, 2, [0f, 0f, 0f], [1f, 1f, 1f]);

        Assert.Equal(18, tensor.Length);
        Assert.Equal(0.2f, tensor[(0 * 6) + 5], 6);
        Assert.Equal(0.4f, tensor[(1 * 6) + 5], 6);
        Assert.Equal(1.0f, tensor[(2 * 6) + 5], 6);
        Assert.Equal(3, tensor.Count(v => v != 0));
    }

    [Fact]
    public void ToChw_OtherSize_ResizesFirst()
    {
        var image = RgbImage.Filled(8, 6, (0, 0, 0));

        var tensor = ImageTensor.ToChw(image, 4, 2, [0.5f, 0.5f, 0.5f], [0.5f, 0.5f, 0.5f]);

        Assert.Equal(24, tensor.Length);
        Assert.All(tensor, v => Assert.Equal(-1f, v, 6));
    }

    [Fact]
    public void ToChwBatch_TwoFrames_StacksFrameMajor()
    {
        var black = RgbImage.Filled(2, 2, (0, 0, 0));
        var white = RgbImage.Filled(2, 2, (255, 255, 255));

        var batch = ImageTensor.ToChwBatch([black, white], 2, 2, [0f, 0f, 0f], [1f, 1f, 1f]);

        Assert.Equal(2 * 3 * 2 * 2, batch.Length);
        Assert.All(batch[..12], v => Assert.Equal(0f, v));
        Assert.All(batch[12..], v => Assert.Equal(1f, v, 6));
    }

    [Fact]
    public void ToChw_TwoMeans_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => ImageTensor.ToChw(new RgbImage(1, 1), 1, 1, [0f, 0f], ImageTensor.ImageNetStd));
    }

    [Fact]
    public void ToChw_ZeroStd_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => ImageTensor.ToChw(new RgbImage(1, 1), 1, 1, ImageTensor.ImageNetMean, [1f, 0f, 1f]));
    }
}

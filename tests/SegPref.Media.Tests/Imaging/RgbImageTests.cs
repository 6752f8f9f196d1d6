using SegPref.Media.Imaging;

namespace SegPref.Media.Tests.Imaging;

public sealed class RgbImageTests
{
    [Theory]
    [InlineData(64, 64, 17, 9)]
    [InlineData(10, 7, 40, 33)]
    [InlineData(300, 200, 224, 224)]
    public void Resize_ConstantImage_StaysConstant(int width, int height, int newWidth, int newHeight)
    {
        var image = RgbImage.Filled(width, height, (12, 200, 77));

        var resized = image.Resize(newWidth, newHeight);

        Assert.Equal((newWidth, newHeight), (resized.Width, resized.Height));
        Assert.All(Enumerable.Range(0, newWidth * newHeight), i => Assert.Equal((12, 200, 77), Rgb(resized, i)));
    }

    [Fact]
    public void Resize_HorizontalRamp_StaysNonDecreasingLeftToRight()
    {
        var ramp = TestImages.Gradient(200, 10);

        var resized = ramp.Resize(50, 10);

        var reds = Enumerable.Range(0, 50).Select(x => (int)resized[x, 5].R).ToArray();
        Assert.Equal(reds.Order(), reds);
        Assert.InRange(reds[0], 0, 10);
        Assert.InRange(reds[^1], 245, 255);
    }

    [Fact]
    public void Resize_SameSize_ReturnsIndependentCopy()
    {
        var image = TestImages.Noise(5, 4, seed: 3);

        var copy = image.Resize(5, 4);
        copy.Pixels[0] ^= 0xFF;

        Assert.NotEqual(copy.Pixels[0], image.Pixels[0]);
    }

    [Fact]
    public void Indexer_SetThenGet_AddressesRowMajorRgb()
    {
        var image = new RgbImage(3, 2);

        image[2, 1] = (1, 2, 3);

        Assert.Equal(new byte[] { 1, 2, 3 }, image.Pixels[15..18]);
        Assert.Equal((1, 2, 3), ((int)image[2, 1].R, (int)image[2, 1].G, (int)image[2, 1].B));
    }

    [Fact]
    public void Constructor_WrongPixelCount_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new RgbImage(2, 2, new byte[11]));

        Assert.Contains("Expected 12 bytes", error.Message);
    }

    private static (int, int, int) Rgb(RgbImage image, int i) => (image.Pixels[3 * i], image.Pixels[(3 * i) + 1], image.Pixels[(3 * i) + 2]);
}

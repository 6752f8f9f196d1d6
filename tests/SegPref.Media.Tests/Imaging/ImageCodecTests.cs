using SegPref.Media.Imaging;
using SegPref.Media.Masks;

namespace SegPref.Media.Tests.Imaging;

public sealed class ImageCodecTests
{
    [Fact]
    public void Decode_EncodedPng_RoundTripsExactly()
    {
        var image = TestImages.Noise(37, 23, seed: 1);

        var decoded = ImageCodec.Decode(ImageCodec.EncodePng(image), "noise.png");

        Assert.Equal((37, 23), (decoded.Width, decoded.Height));
        Assert.Equal(image.Pixels, decoded.Pixels);
    }

    [Fact]
    public void Decode_EncodedJpeg_IsClose()
    {
        var image = TestImages.Gradient(64, 48);

        var decoded = ImageCodec.Decode(ImageCodec.EncodeJpeg(image, 95), "gradient.jpg");

        var meanError = image.Pixels.Zip(decoded.Pixels, (a, b) => Math.Abs(a - b)).Average();
        Assert.InRange(meanError, 0, 2.0);
    }

    [Fact]
    public void Decode_GarbageBytes_ThrowsNamingSource()
    {
        var bytes = "this is not an image at all"u8.ToArray();

        var error = Assert.Throws<InvalidDataException>(() => ImageCodec.Decode(bytes, "clip7/frames/3.jpg"));

        Assert.Contains("clip7/frames/3.jpg", error.Message);
        Assert.Contains("not a recognised image", error.Message);
    }

    [Fact]
    public void Decode_EmptyBytes_ThrowsSayingEmpty()
    {
        var error = Assert.Throws<InvalidDataException>(() => ImageCodec.Decode([], "empty.png"));

        Assert.Contains("empty.png: the file is empty", error.Message);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("jpeg")]
    public void Decode_TruncatedFile_ThrowsSayingTruncated(string format)
    {
        var image = TestImages.Noise(64, 64, seed: 2);
        var bytes = format == "png" ? ImageCodec.EncodePng(image) : ImageCodec.EncodeJpeg(image, 90);

        var error = Assert.Throws<InvalidDataException>(() => ImageCodec.Decode(bytes[..(bytes.Length / 2)], "cut." + format));

        Assert.Contains("cut." + format, error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Decode_MorePixelsThanLimit_ThrowsBeforeDecoding()
    {
        var bytes = ImageCodec.EncodePng(new RgbImage(100, 50));

        var error = Assert.Throws<InvalidDataException>(() => ImageCodec.Decode(bytes, "big.png", maxPixels: 4999));

        Assert.Contains("big.png: 100x50 = 5000 pixels is over the limit of 4999", error.Message);
    }

    [Fact]
    public void Decode_GreyPng_RepeatsGreyInAllChannels()
    {
        var bytes = GrayPng.Encode([0, 1, 128, 255], 2, 2);

        var decoded = ImageCodec.Decode(bytes, "grey.png");

        Assert.Equal(new byte[] { 0, 0, 0, 1, 1, 1, 128, 128, 128, 255, 255, 255 }, decoded.Pixels);
    }

    [Fact]
    public void Decode_PalettePng_ExpandsToPaletteColours()
    {
        (byte, byte, byte)[] palette = [(0, 0, 0), (128, 0, 0), (0, 128, 0)];
        var bytes = PngBuilder.Palette(3, 1, [2, 0, 1], palette);

        var decoded = ImageCodec.Decode(bytes, "palette.png");

        Assert.Equal(new byte[] { 0, 128, 0, 0, 0, 0, 128, 0, 0 }, decoded.Pixels);
    }

    [Fact]
    public void Decode_Grey16Png_KeepsTheHighByte()
    {
        var bytes = PngBuilder.Gray16(2, 1, [0x0000, 0xFFFF]);

        var decoded = ImageCodec.Decode(bytes, "grey16.png");

        Assert.Equal(new byte[] { 0, 0, 0, 255, 255, 255 }, decoded.Pixels);
    }

    [Fact]
    public void Decode_TranslucentPng_DropsAlphaKeepingColour()
    {
        using var bitmap = new SkiaSharp.SKBitmap(new SkiaSharp.SKImageInfo(1, 1, SkiaSharp.SKColorType.Rgba8888, SkiaSharp.SKAlphaType.Unpremul));
        new byte[] { 200, 100, 50, 128 }.CopyTo(bitmap.GetPixelSpan());
        using var png = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);

        var decoded = ImageCodec.Decode(png.ToArray(), "alpha.png");

        Assert.Equal((200, 100, 50), ((int)decoded[0, 0].R, (int)decoded[0, 0].G, (int)decoded[0, 0].B));
    }

    [Theory]
    [InlineData("frame.png", 0x89)]
    [InlineData("frame.JPG", 0xFF)]
    [InlineData("frame.jpeg", 0xFF)]
    public void Save_KnownExtension_WritesThatFormat(string name, int firstByte)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("segpref-img").FullName, name);

        ImageCodec.Save(TestImages.Gradient(8, 8), path);

        Assert.Equal(firstByte, File.ReadAllBytes(path)[0]);
        Assert.Equal(8, ImageCodec.Load(path).Width);
    }

    [Fact]
    public void Save_UnknownExtension_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => ImageCodec.Save(new RgbImage(2, 2), "frame.tiff"));

        Assert.Contains(".tiff", error.Message);
    }
}

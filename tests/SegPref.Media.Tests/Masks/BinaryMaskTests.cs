using SegPref.Media.Imaging;
using SegPref.Media.Masks;

namespace SegPref.Media.Tests.Masks;

public sealed class BinaryMaskTests
{
    [Fact]
    public void EncodePng_WritesEightBitGreyWithForeground255()
    {
        var mask = new BinaryMask(3, 2, [0, 1, 0, 1, 1, 0]);

        var png = mask.EncodePng();

        // IHDR: bit depth at byte 24, colour type at byte 25 (0 = greyscale).
        Assert.Equal((8, 0), ((int)png[24], (int)png[25]));
        var grey = ImageCodec.Decode(png, "mask.png").Pixels.Where((_, i) => i % 3 == 0);
        Assert.Equal(new byte[] { 0, 255, 0, 255, 255, 0 }, grey);
    }

    [Fact]
    public void Decode_EncodedMask_RoundTrips()
    {
        var values = new byte[40 * 30];
        new Random(5).NextBytes(values);
        var mask = new BinaryMask(40, 30, Array.ConvertAll(values, v => (byte)(v & 1)));

        var decoded = BinaryMask.Decode(mask.EncodePng(), "mask.png");

        Assert.Equal(mask.Values, decoded.Values);
    }

    [Fact]
    public void Decode_ZeroOneGreyMask_AnyNonZeroKeepsItLumaRuleDoesNot()
    {
        var png = GrayPng.Encode([0, 1, 127, 128], 4, 1);

        var anyNonZero = BinaryMask.Decode(png, "m.png");
        var luma = BinaryMask.Decode(png, "m.png", MaskForegroundRule.LumaAtLeastHalf);

        Assert.Equal(new byte[] { 0, 1, 1, 1 }, anyNonZero.Values);
        Assert.Equal(new byte[] { 0, 0, 0, 1 }, luma.Values);
    }

    [Fact]
    public void Decode_AvssColourMask_DarkPaletteColourIsForeground()
    {
        var labels = new LabelMap(2, 1, [0, 1]);

        var mask = BinaryMask.Decode(labels.EncodeRgbPng(), "labels_rgb/0.png");

        Assert.Equal(new byte[] { 0, 1 }, mask.Values);
    }

    [Fact]
    public void Decode_Garbage_ThrowsNamingFile()
    {
        var error = Assert.Throws<InvalidDataException>(() => BinaryMask.Decode([1, 2, 3, 4], "gt_masks/x_1.png"));

        Assert.Contains("gt_masks/x_1.png", error.Message);
    }

    [Fact]
    public void Resize_Upscale_RepeatsPixelsInBlocks()
    {
        var mask = new BinaryMask(2, 2, [1, 0, 0, 1]);

        var resized = mask.Resize(4, 4);

        Assert.Equal(new byte[] { 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1 }, resized.Values);
    }

    [Fact]
    public void Resize_Downscale_SamplesPixelCentres()
    {
        var mask = new BinaryMask(4, 1, [0, 1, 0, 1]);

        var resized = mask.Resize(2, 1);

        // Target centres 0.5 and 1.5 map to source 1.0 and 3.0 -> pixels 1 and 3.
        Assert.Equal(new byte[] { 1, 1 }, resized.Values);
        Assert.Equal(2, resized.ForegroundCount);
    }

    [Fact]
    public void Constructor_ValueTwo_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new BinaryMask(2, 1, [0, 2]));

        Assert.Contains("value 2 at index 1", error.Message);
    }
}

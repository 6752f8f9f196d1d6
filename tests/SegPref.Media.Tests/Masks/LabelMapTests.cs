using SegPref.Media.Imaging;
using SegPref.Media.Masks;

namespace SegPref.Media.Tests.Masks;

public sealed class LabelMapTests
{
    [Fact]
    public void LoadRgbPng_EncodedMapWithEveryClass_RoundTrips()
    {
        var indices = Enumerable.Range(0, AvssPalette.ClassCount).Select(i => (byte)i).ToArray();
        var map = new LabelMap(AvssPalette.ClassCount, 1, indices);

        var decoded = LabelMap.LoadRgbPng(map.EncodeRgbPng(), "labels_rgb/0.png");

        Assert.Equal(indices, decoded.Indices);
    }

    [Fact]
    public void LoadRgbPng_Path_ReadsFile()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("segpref-mask").FullName, "1.png");
        new LabelMap(3, 1, [0, 28, 70]).SaveRgbPng(path);

        Assert.Equal(new byte[] { 0, 28, 70 }, LabelMap.LoadRgbPng(path).Indices);
    }

    [Fact]
    public void LoadRgbPng_ColourOutsidePalette_ThrowsNamingFirstBadPixel()
    {
        var image = new RgbImage(3, 2);
        image[2, 0] = AvssPalette.ColorOf(5);
        image[1, 1] = (1, 2, 3);
        image[2, 1] = (9, 9, 9);

        var error = Assert.Throws<InvalidDataException>(() => LabelMap.LoadRgbPng(ImageCodec.EncodePng(image), "guitar/u1/labels_rgb/2.png"));

        Assert.Contains("guitar/u1/labels_rgb/2.png: 2 pixel(s)", error.Message);
        Assert.Contains("(1, 2, 3) at (1, 1)", error.Message);
    }

    [Fact]
    public void LoadRgbPng_JpegDamagedMask_IsRejected()
    {
        var indices = new byte[32 * 32];
        for (var i = 0; i < indices.Length; i++)
        {
            indices[i] = (byte)((i % 32) < 16 ? 0 : 17);
        }

        var jpeg = ImageCodec.EncodeJpeg(ImageCodec.Decode(new LabelMap(32, 32, indices).EncodeRgbPng(), "x"), 75);

        Assert.Throws<InvalidDataException>(() => LabelMap.LoadRgbPng(jpeg, "mask.jpg"));
    }

    [Fact]
    public void ToBinaryMask_MarksEveryClassButBackground()
    {
        var map = new LabelMap(4, 1, [0, 1, 70, 0]);

        Assert.Equal(new byte[] { 0, 1, 1, 0 }, map.ToBinaryMask().Values);
    }

    [Fact]
    public void Resize_Upscale_KeepsIndicesUnblended()
    {
        var map = new LabelMap(2, 1, [3, 60]);

        Assert.Equal(new byte[] { 3, 3, 60, 60 }, map.Resize(4, 1).Indices);
    }
}

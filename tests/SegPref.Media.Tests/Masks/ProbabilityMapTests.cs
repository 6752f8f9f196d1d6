using SegPref.Media.Imaging;
using SegPref.Media.Masks;

namespace SegPref.Media.Tests.Masks;

public sealed class ProbabilityMapTests
{
    [Fact]
    public void EncodePng_StoresRoundedP255()
    {
        var map = new ProbabilityMap(4, 1, [0f, 0.5f, 0.2f, 1f]);

        var grey = ImageCodec.Decode(map.EncodePng(), "p.png").Pixels.Where((_, i) => i % 3 == 0);

        Assert.Equal(new byte[] { 0, 128, 51, 255 }, grey);
    }

    [Fact]
    public void Decode_EncodedMap_IsWithinHalfAStep()
    {
        var p = Enumerable.Range(0, 100).Select(i => i / 99f).ToArray();
        var map = new ProbabilityMap(10, 10, p);

        var decoded = ProbabilityMap.Decode(map.EncodePng(), "p.png");

        Assert.All(p.Zip(decoded.Probabilities), pair => Assert.InRange(Math.Abs(pair.First - pair.Second), 0, 0.5 / 255 + 1e-6));
    }

    [Fact]
    public void Decode_BinaryMaskPng_GivesZeroAndOne()
    {
        var png = new BinaryMask(2, 1, [0, 1]).EncodePng();

        var map = ProbabilityMap.Decode(png, "gt.png");

        Assert.Equal(new[] { 0f, 1f }, map.Probabilities);
    }

    [Fact]
    public void Decode_ColouredPixel_ThrowsNamingPosition()
    {
        var image = new RgbImage(2, 2);
        image[1, 1] = (10, 20, 30);

        var error = Assert.Throws<InvalidDataException>(() => ProbabilityMap.Decode(ImageCodec.EncodePng(image), "pred.png"));

        Assert.Contains("pred.png", error.Message);
        Assert.Contains("(1, 1) is (10, 20, 30)", error.Message);
    }

    [Fact]
    public void FromLogits_ExtremeValues_SaturateWithoutNaN()
    {
        var map = ProbabilityMap.FromLogits(4, 1, [0f, 1000f, -1000f, 2f]);

        Assert.Equal(0.5f, map.Probabilities[0]);
        Assert.Equal(1f, map.Probabilities[1]);
        Assert.Equal(0f, map.Probabilities[2]);
        Assert.Equal(1 / (1 + Math.Exp(-2)), map.Probabilities[3], 6);
    }

    [Fact]
    public void ToBinary_ThresholdIsStrict()
    {
        var map = new ProbabilityMap(3, 1, [0.4f, 0.5f, 0.6f]);

        Assert.Equal(new byte[] { 0, 0, 1 }, map.ToBinary().Values);
    }

    [Fact]
    public void Constructor_OutOfRangeProbability_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ProbabilityMap(1, 1, [float.NaN]));
        Assert.Throws<ArgumentException>(() => new ProbabilityMap(1, 1, [1.01f]));
    }
}

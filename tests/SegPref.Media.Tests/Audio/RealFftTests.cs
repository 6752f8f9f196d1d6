using SegPref.Media.Audio;

namespace SegPref.Media.Tests.Audio;

public class RealFftTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(16)]
    [InlineData(512)]
    public void Magnitudes_RandomInput_MatchesNaiveDft(int length)
    {
        var rng = new Random(length);
        var x = Enumerable.Range(0, length).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var magnitudes = new double[(length / 2) + 1];

        new RealFft(length).Magnitudes(x, magnitudes);

        for (var k = 0; k < magnitudes.Length; k++)
        {
            double re = 0, im = 0;
            for (var n = 0; n < length; n++)
            {
                re += x[n] * Math.Cos(2 * Math.PI * k * n / length);
                im -= x[n] * Math.Sin(2 * Math.PI * k * n / length);
            }

            Assert.Equal(Math.Sqrt((re * re) + (im * im)), magnitudes[k], 1e-9);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(400)]
    public void Constructor_NotPowerOfTwo_Throws(int length) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RealFft(length));
}

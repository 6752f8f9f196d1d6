using SegPref.Media.Masks;

namespace SegPref.Media.Tests.Masks;

/// <summary>Golden values come from coco_rle_reference.py beside this file (pycocotools' algorithm in plain python).</summary>
public sealed class CocoRleTests
{
    // Rows: 0 1 1 0 / 0 1 0 0 / 1 1 0 1. Column-major: 0 0 1 | 1 1 1 | 1 0 0 | 0 0 1 -> runs 2, 5, 4, 1.
    // String: '2', '5', '4', then 1 - 5 = -4 -> low 5 bits 0b11100 (sign bit set, rest -1) -> 28 + 48 = 'L'.
    private static readonly BinaryMask Mask3x4 = new(4, 3, [0, 1, 1, 0, 0, 1, 0, 0, 1, 1, 0, 1]);

    [Fact]
    public void Encode_HandWorked3x4_GivesColumnMajorCounts()
    {
        var rle = CocoRle.Encode(Mask3x4);

        Assert.Equal((3, 4), (rle.Height, rle.Width));
        Assert.Equal(new[] { 2, 5, 4, 1 }, rle.Counts);
        Assert.Equal(6, rle.Area);
    }

    [Fact]
    public void ToCompressedString_HandWorked3x4_MatchesPycocotools()
    {
        Assert.Equal("254L", CocoRle.Encode(Mask3x4).ToCompressedString());
    }

    [Fact]
    public void ToCompressedString_LongRunsAndNegativeDeltas_MatchesReference()
    {
        var large = new CocoRle(1, 71008, [0, 1000, 5, 70000, 3]);

        Assert.Equal("0Xo05X\\S2N", large.ToCompressedString());
    }

    [Fact]
    public void ToCompressedString_Rectangle40x50_MatchesReference()
    {
        var values = new byte[40 * 50];
        for (var y = 10; y < 30; y++)
        {
            for (var x = 5; x < 45; x++)
            {
                values[(y * 50) + x] = 1;
            }
        }

        var text = CocoRle.Encode(new BinaryMask(50, 40, values)).ToCompressedString();

        // 210 -> "b6", 20 -> "d0" twice, 77 zero deltas, then 210 - 20 = 190 -> "n5".
        Assert.Equal("b6d0d0" + new string('0', 77) + "n5", text);
    }

    [Fact]
    public void FromCompressedString_Reference_DecodesToOriginalCounts()
    {
        var rle = CocoRle.FromCompressedString(1, 71008, "0Xo05X\\S2N");

        Assert.Equal(new[] { 0, 1000, 5, 70000, 3 }, rle.Counts);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RoundTrip_RandomMasks_BothFormsGiveTheMaskBack(int seed)
    {
        var random = new Random(seed);
        var (width, height) = (random.Next(1, 60), random.Next(1, 60));
        var density = random.NextDouble();
        var values = Enumerable.Range(0, width * height).Select(_ => random.NextDouble() < density ? (byte)1 : (byte)0).ToArray();
        var rle = CocoRle.Encode(new BinaryMask(width, height, values));

        var fromString = CocoRle.FromCompressedString(height, width, rle.ToCompressedString());
        var fromCounts = new CocoRle(height, width, rle.Counts);

        Assert.Equal(values, fromString.Decode().Values);
        Assert.Equal(values, fromCounts.Decode().Values);
        Assert.Equal(values.Count(v => v == 1), rle.Area);
    }

    [Fact]
    public void Encode_EmptyMask_IsOneBackgroundRun()
    {
        var rle = CocoRle.Encode(new BinaryMask(5, 4));

        Assert.Equal(new[] { 20 }, rle.Counts);
        Assert.Equal(0, rle.Decode().ForegroundCount);
    }

    [Fact]
    public void Encode_FullMask_StartsWithZeroBackgroundRun()
    {
        var full = new BinaryMask(5, 4, Enumerable.Repeat((byte)1, 20).ToArray());

        var rle = CocoRle.Encode(full);

        Assert.Equal(new[] { 0, 20 }, rle.Counts);
        Assert.Equal(20, CocoRle.FromCompressedString(4, 5, rle.ToCompressedString()).Decode().ForegroundCount);
    }

    [Fact]
    public void ToJson_Compressed_HasCocoShape()
    {
        Assert.Equal("""{"size":[3,4],"counts":"254L"}""", CocoRle.Encode(Mask3x4).ToJson());
        Assert.Equal("""{"size":[3,4],"counts":[2,5,4,1]}""", CocoRle.Encode(Mask3x4).ToJson(compressed: false));
    }

    [Theory]
    [InlineData("""{"size":[3,4],"counts":"254L"}""")]
    [InlineData("""{"counts":[2,5,4,1],"size":[3,4]}""")]
    public void FromJson_EitherCountsForm_DecodesTheMask(string json)
    {
        Assert.Equal(Mask3x4.Values, CocoRle.FromJson(json).Decode().Values);
    }

    [Theory]
    [InlineData("""{"size":[3,4],"counts":[2,5,4]}""", "sum to 11")]
    [InlineData("""{"size":[3,4],"counts":"25~"}""", "invalid character")]
    [InlineData("""{"size":[3,4],"counts":"25b"}""", "ends inside value")]
    [InlineData("""{"size":[3,4]}""", "expected")]
    [InlineData("""{"size":[3,4],"counts":[2,-5,4]}""", "negative")]
    [InlineData("""not json""", "pred.json")]
    public void FromJson_Malformed_ThrowsInvalidDataNamingSource(string json, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => CocoRle.FromJson(json, "pred.json"));

        Assert.StartsWith("pred.json: ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Constructor_CountsNotCoveringMask_Throws()
    {
        Assert.Throws<ArgumentException>(() => new CocoRle(2, 2, [1, 2]));
    }
}

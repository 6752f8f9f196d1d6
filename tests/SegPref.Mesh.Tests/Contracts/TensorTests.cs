using Google.Protobuf;
using SegPref.Contracts.Common.V1;

namespace SegPref.Mesh.Tests.Contracts;

public sealed class TensorTests
{
    [Fact]
    public void FromFloats_ThreeDimensions_RoundTripsValuesAndShape()
    {
        var values = new float[2, 3, 4];
        for (var i = 0; i < 2; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                for (var k = 0; k < 4; k++)
                {
                    values[i, j, k] = (i * 100) + (j * 10) + k + 0.5f;
                }
            }
        }

        var back = Tensor.Parser.ParseFrom(Tensor.FromFloats(values).ToByteArray()).ToFloats3D("x");

        Assert.Equal(values, back);
    }

    [Fact]
    public void FromFloats_TwoDimensions_StoresLittleEndianRowMajorBytes()
    {
        var tensor = Tensor.FromFloats(new float[,] { { 1f, 2f } });

        Assert.Equal("[1,2]", tensor.ShapeText);
        Assert.Equal(BitConverter.GetBytes(2f), tensor.Data.Span[4..8].ToArray());
    }

    [Fact]
    public void FromBools_RoundTrips()
    {
        var values = new bool[,] { { true, false }, { false, true } };

        Assert.Equal(values, Tensor.FromBools(values).ToBools2D("valid"));
    }

    [Fact]
    public void ToFloats2D_BytesShorterThanShape_ThrowsNamingTheField()
    {
        var tensor = new Tensor { Dtype = DataType.Float32, Data = ByteString.CopyFrom(new byte[12]) };
        tensor.Shape.Add(2);
        tensor.Shape.Add(2);

        var ex = Assert.Throws<ArgumentException>(() => tensor.ToFloats2D("audio_embeddings"));

        Assert.StartsWith("audio_embeddings: shape [2,2] needs 16 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToFloats3D_WrongRankOrDtype_Throws()
    {
        var flat = Tensor.FromFloats(new float[2, 2]);
        var bools = Tensor.FromBools(new bool[2, 2]);

        Assert.Contains("rank-3", Assert.Throws<ArgumentException>(() => flat.ToFloats3D("cues")).Message, StringComparison.Ordinal);
        Assert.Contains("expected dtype Float32", Assert.Throws<ArgumentException>(() => bools.ToFloats2D("cues")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFloatSpan_ShapeDoesNotMatchLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => Tensor.FromFloatSpan(new float[5], 2, 3));
    }

    [Fact]
    public void ToFloats3D_ShapeWhoseByteCountWrapsAroundALong_ThrowsInsteadOfAllocating()
    {
        var tensor = new Tensor { Dtype = DataType.Float32 };
        tensor.Shape.Add(1L << 30);
        tensor.Shape.Add(1L << 30);
        tensor.Shape.Add(4);

        var ex = Assert.Throws<ArgumentException>(() => tensor.ToFloats3D("cue_embeddings"));

        Assert.Contains("needs 18446744073709551616 bytes of Float32, got 0", ex.Message, StringComparison.Ordinal);
    }
}

using SegPref.Models.Cues;
using SegPref.Models.Torch;
using static TorchSharp.torch;

namespace SegPref.Models.Tests.Cues;

public sealed class CueEncoderTests
{
    public CueEncoderTests() => TorchRuntime.EnsureInitialized();

    [Fact]
    public void Forward_IndicesNx4_ReturnsNx4xDWithUnitKnownAndZeroNoneOrUnknown()
    {
        using var encoder = new CueEncoder(vocabularySize: 5, embeddingSize: 8, hiddenSize: 16, outputSize: 12);
        using var ids = tensor(new long[] { 0, 4, CueVocabulary.NoneIndex, CueVocabulary.UnknownIndex, 2, 2, 1, CueVocabulary.NoneIndex }, [2, 4]);

        using var noGrad = no_grad();
        using var output = encoder.call(ids);
        using var norms = output.norm(-1);
        var norm = norms.data<float>().ToArray();

        Assert.Equal([2L, 4, 12], output.shape);
        Assert.Equal(1f, norm[0], 1e-5f);
        Assert.Equal(1f, norm[1], 1e-5f);
        Assert.Equal(0f, norm[2]);
        Assert.Equal(0f, norm[3]);
        Assert.Equal(0f, norm[7]);
        Assert.Equal(output[1, 0].data<float>().ToArray(), output[1, 1].data<float>().ToArray());
    }

    [Fact]
    public void WordVectors_Always_OneUnitRowPerWord()
    {
        using var encoder = new CueEncoder(7, 4, 8, 6);

        var vectors = encoder.WordVectors();

        Assert.Equal(7 * 6, vectors.Length);
        Assert.All(vectors.Chunk(6), row => Assert.Equal(1.0, Math.Sqrt(row.Sum(v => (double)v * v)), 5));
    }

    [Fact]
    public void Constructor_ZeroSize_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => new CueEncoder(5, 0, 8, 8));
}

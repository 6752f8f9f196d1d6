using SegPref.Models.Audio;
using SegPref.Models.Torch;
using static TorchSharp.torch;

namespace SegPref.Models.Tests.Audio;

public class VggishTests
{
    public VggishTests() => TorchRuntime.EnsureInitialized();

    [Fact]
    public void Forward_SmallPresetBatchOfThree_Gives128dNonNegativeEmbeddings()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        using var model = new Vggish(VggishPreset.Small);

        var output = model.call(randn(3, 1, 96, 64));

        Assert.Equal([3L, 128L], output.shape);
        Assert.True(output.min().item<float>() >= 0, "the embedding keeps VGGish's final ReLU");
    }

    [Fact]
    public void Map_SmallPreset_IsTimeMajorPositionsOfTheLastConvChannels()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var model = new Vggish(VggishPreset.Small);
        var x = randn(2, 1, 96, 64) * 0.1;

        var map = model.Map(x);
        Assert.Equal([2L, Vggish.MapPositions * 128L], map.shape);
        Assert.Equal(24 * 128, model.MapWidth);

        // A change confined to the last 80 ms (frames 88-95) reaches the map's last time step but not its first (whose
        // receptive field ends about 55 frames in): the map keeps time, which the 128-d embedding does not.
        var y = x.clone();
        y.narrow(2, 88, 8).add_(3.0);
        var moved = (model.Map(y) - map).abs().view(2, 6, 4, 128).amax([0, 2, 3]);
        Assert.True(moved[5].item<float>() > 1e-3f, "the last time step should change");
        Assert.True(moved[0].item<float>() < 1e-6f, "the first time step is out of reach of the change");
    }

    [Fact]
    public void Forward_ThreeDimensionalInput_SameAsWithChannelAxis()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        using var model = new Vggish(VggishPreset.Small);
        var x = randn(2, 96, 64);

        var withoutChannel = model.call(x);
        var withChannel = model.call(x.unsqueeze(1));

        Assert.True(withoutChannel.allclose(withChannel));
    }

    [Fact]
    public void StateDict_SmallPreset_HasTorchvggishKeysAndShapes()
    {
        using var model = new Vggish(VggishPreset.Small);

        var shapes = model.state_dict().ToDictionary(p => p.Key, p => p.Value.shape);

        string[] expected =
        [
            "features.0.weight", "features.0.bias", "features.3.weight", "features.3.bias", "features.6.weight",
            "features.6.bias", "features.8.weight", "features.8.bias", "features.11.weight", "features.11.bias",
            "features.13.weight", "features.13.bias", "embeddings.0.weight", "embeddings.0.bias", "embeddings.2.weight",
            "embeddings.2.bias", "embeddings.4.weight", "embeddings.4.bias",
        ];
        Assert.Equal(expected.Order(), shapes.Keys.Order());
        Assert.Equal([16L, 1L, 3L, 3L], shapes["features.0.weight"]);
        Assert.Equal([256L, 128L * 4 * 6], shapes["embeddings.0.weight"]);
        Assert.Equal([128L, 256L], shapes["embeddings.4.weight"]);
    }

    [Theory]
    [InlineData("small")]
    [InlineData("PAPER")]
    public void FromName_KnownPreset_ReturnsIt(string name) =>
        Assert.Equal(name.ToLowerInvariant(), VggishPreset.FromName(name).Name);

    [Fact]
    public void FromName_Unknown_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => VggishPreset.FromName("huge"));

        Assert.Contains("huge", error.Message, StringComparison.Ordinal);
    }
}

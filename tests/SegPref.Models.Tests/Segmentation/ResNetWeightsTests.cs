using System.Collections;
using SegPref.Models.Segmentation;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace SegPref.Models.Tests.Segmentation;

[Collection(SeededTorch.Name)]
public sealed class ResNetWeightsTests : SingleThreadedTorch
{
    private readonly string _dir = Directory.CreateTempSubdirectory("resnet-weights-").FullName;

    [Fact]
    public void LoadStateDict_TorchvisionLayoutWithClassifier_LoadsEveryTensorByName()
    {
        using var scope = NewDisposeScope();
        using var source = new ResNet50Encoder();
        var dict = CompressiblePattern(source);
        dict["fc.weight"] = zeros(1000, 2048);
        dict["fc.bias"] = zeros(1000);
        var path = Save(dict);
        using var target = new ResNet50Encoder();

        ResNetWeights.LoadStateDict(target, path);

        var loaded = target.state_dict();
        Assert.Contains("layer1.0.downsample.0.weight", loaded.Keys);
        Assert.Contains("layer1.0.downsample.1.running_var", loaded.Keys);
        Assert.Contains("layer3.5.conv2.weight", loaded.Keys);
        Assert.Equal([2048L, 512, 1, 1], loaded["layer4.2.conv3.weight"].shape);
        Assert.All(dict.Where(p => !p.Key.StartsWith("fc.", StringComparison.Ordinal)), p => Assert.True(loaded[p.Key].equal(p.Value).all().item<bool>(), p.Key));
        Assert.Equal(23_508_032L, target.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void LoadStateDict_MisspelledKey_ThrowsNamingMissingAndUnexpected()
    {
        using var scope = NewDisposeScope();
        using var encoder = new ResNet50Encoder();
        var dict = encoder.state_dict().ToDictionary(p => p.Key, p => p.Value.detach());
        dict["layer4.2.bn3.wieght"] = dict["layer4.2.bn3.weight"];
        dict.Remove("layer4.2.bn3.weight");
        var path = Save(dict);

        var error = Assert.Throws<InvalidDataException>(() => ResNetWeights.LoadStateDict(encoder, path));

        Assert.Contains("missing keys: layer4.2.bn3.weight", error.Message, StringComparison.Ordinal);
        Assert.Contains("unexpected keys: layer4.2.bn3.wieght", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Forward_32x32Frame_ReturnsFourScales()
    {
        using var scope = NewDisposeScope();
        using var encoder = new ResNet50Encoder();
        encoder.eval();

        using var noGrad = no_grad();
        var features = encoder.call(randn(1, 3, 32, 32, generator: new Generator(1)));

        Assert.Equal([[1L, 256, 8, 8], [1L, 512, 4, 4], [1L, 1024, 2, 2], [1L, 2048, 1, 1]], features.Select(f => f.shape));
        Assert.Equal([4, 8, 16, 32], encoder.Strides);
    }

    protected override void DisposeCore() => Directory.Delete(_dir, recursive: true);

    // PyBridge deflates every tensor; a periodic pattern (period 97) compresses quickly where 100 MB of noise would not.
    private static Dictionary<string, Tensor> CompressiblePattern(ResNet50Encoder model) => model.state_dict().ToDictionary(
        p => p.Key,
        p => p.Value.dtype == ScalarType.Float32
            ? arange(p.Value.numel(), dtype: ScalarType.Float32).remainder_(97).sub_(48).mul_(1e-3).reshape(p.Value.shape)
            : p.Value.detach().clone());

    private string Save(Dictionary<string, Tensor> dict)
    {
        var table = new Hashtable();
        foreach (var (key, value) in dict)
        {
            table[key] = value;
        }

        var path = Path.Combine(_dir, "resnet50.pth");
        PyTorchPickler.PickleStateDict(path, table);
        return path;
    }
}

using System.Collections;
using SegPref.Models.Audio;
using SegPref.Models.Torch;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace SegPref.Models.Tests.Audio;

public sealed class VggishWeightsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vggish-weights-").FullName;

    public VggishWeightsTests() => TorchRuntime.EnsureInitialized();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void LoadStateDict_PaperDictSavedInPyTorchFormat_FreshModelGivesIdenticalOutputs()
    {
        // The paper model is ~72M parameters (~290 MB); this is the one test that builds it.
        using var scope = NewDisposeScope();
        var path = Path.Combine(_dir, "vggish.pth");
        var input = randn(2, 1, 96, 64, generator: new Generator(5));
        Tensor expected;
        manual_seed(11);
        using (var source = new Vggish(VggishPreset.Paper))
        {
            source.eval();
            UseCompressiblePattern(source);
            Assert.Equal([4096L, 512L * 4 * 6], source.state_dict()["embeddings.0.weight"].shape);
            source.save_py(path);
            using var noGrad = no_grad();
            expected = source.call(input);
        }

        manual_seed(12);
        using var target = new Vggish(VggishPreset.Paper);
        target.eval();
        VggishWeights.LoadStateDict(target, path);
        using var noGrad2 = no_grad();
        var actual = target.call(input);

        Assert.Equal([2L, 128L], actual.shape);
        Assert.True(actual.allclose(expected, 0, 0));
    }

    [Fact]
    public void LoadStateDict_RenamedKey_ThrowsListingMissingAndUnexpectedKeys()
    {
        var path = WriteSmallDict(dict =>
        {
            dict["features.1.weight"] = dict["features.0.weight"];
            dict.Remove("features.0.weight");
        });
        using var model = new Vggish(VggishPreset.Small);

        var error = Assert.Throws<InvalidDataException>(() => VggishWeights.LoadStateDict(model, path));

        Assert.Contains("missing keys: features.0.weight", error.Message, StringComparison.Ordinal);
        Assert.Contains("unexpected keys: features.1.weight", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadStateDict_WrongShape_ThrowsNamingKeyAndShapes()
    {
        var path = WriteSmallDict(dict => dict["embeddings.4.weight"] = zeros(64, 256));
        using var model = new Vggish(VggishPreset.Small);

        var error = Assert.Throws<InvalidDataException>(() => VggishWeights.LoadStateDict(model, path));

        Assert.Contains("embeddings.4.weight (expected [128, 256], file has [64, 256])", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadStateDict_NotAStateDict_ThrowsInvalidData()
    {
        var path = Path.Combine(_dir, "junk.pth");
        File.WriteAllText(path, "not a zip");
        using var model = new Vggish(VggishPreset.Small);

        Assert.Throws<InvalidDataException>(() => VggishWeights.LoadStateDict(model, path));
    }

    [Fact]
    public void LoadStateDict_MissingFile_ThrowsFileNotFound()
    {
        using var model = new Vggish(VggishPreset.Small);

        Assert.Throws<FileNotFoundException>(() => VggishWeights.LoadStateDict(model, Path.Combine(_dir, "none.pth")));
    }

    // PyBridge deflates every tensor; 230 MB of random FC weights take ~30 s to compress on 2 cores. A periodic
    // pattern (period 97, so a transposed or shifted load still changes the output) compresses in a fraction of that.
    private static void UseCompressiblePattern(Vggish model)
    {
        using var noGrad = no_grad();
        foreach (var (key, weight) in model.state_dict().Where(p => p.Key.StartsWith("embeddings.", StringComparison.Ordinal)))
        {
            using var pattern = arange(weight.numel(), dtype: float32).remainder_(97).sub_(48).mul_(1e-3).reshape(weight.shape);
            weight.copy_(pattern);
        }
    }

    private string WriteSmallDict(Action<Dictionary<string, Tensor>> edit)
    {
        using var model = new Vggish(VggishPreset.Small);
        var dict = model.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone());
        edit(dict);
        var table = new Hashtable();
        foreach (var (key, value) in dict)
        {
            table[key] = value;
        }

        var path = Path.Combine(_dir, "edited.pth");
        PyTorchPickler.PickleStateDict(path, table);
        return path;
    }
}

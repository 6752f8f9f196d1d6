using SegPref.Models.Training;
using static TorchSharp.torch;

namespace SegPref.Models.Tests.Training;

public sealed class WeightsFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("segpref-weights-").FullName;

    [Fact]
    public void Save_ReplacesTheFileWithLoadableWeightsAndLeavesNoTemporaryFile()
    {
        var path = Path.Combine(_dir, "weights.bin");
        File.WriteAllText(path, "old, not weights");
        using var source = nn.Linear(3, 2);

        WeightsFile.Save(source, path);

        using var target = nn.Linear(3, 2);
        target.load(path, strict: true);
        Assert.Equal(source.weight!.data<float>().ToArray(), target.weight!.data<float>().ToArray());
        Assert.Equal(source.bias!.data<float>().ToArray(), target.bias!.data<float>().ToArray());
        Assert.Equal(["weights.bin"], Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

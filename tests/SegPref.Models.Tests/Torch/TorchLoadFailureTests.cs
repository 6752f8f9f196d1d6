using SegPref.Models.Torch;

namespace SegPref.Models.Tests.Torch;

public class TorchLoadFailureTests
{
    [Fact]
    public void Describe_LoadFailure_NamesLibraryMissingVersionAndFix()
    {
        var message = TorchLoadFailure.Describe(new NotSupportedException("native load failed"));

        Assert.Contains("libLibTorchSharp.so", message, StringComparison.Ordinal);
        Assert.Contains("GLIBCXX_3.4.32", message, StringComparison.Ordinal);
        Assert.Contains("_ZSt21ios_base_library_initv", message, StringComparison.Ordinal);
        Assert.Contains("apt-get install g++", message, StringComparison.Ordinal);
        Assert.Contains("docs/torchsharp-debian12.md", message, StringComparison.Ordinal);
    }
}

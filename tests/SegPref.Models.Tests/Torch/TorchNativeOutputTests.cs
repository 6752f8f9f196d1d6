namespace SegPref.Models.Tests.Torch;

/// <summary>Checks what the build did to this test project's own output (build/TorchSharpNativeFix.targets).</summary>
public class TorchNativeOutputTests
{
    private const string Native = "libLibTorchSharp.so";
    private const string Shim = "libios_base_library_init.so";

    [Fact]
    public void LoadedTorchSharpNative_AfterInitialization_IsTheBuildOutputCopy()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "/proc/self/maps is Linux only");
        SegPref.Models.Torch.TorchRuntime.EnsureInitialized();

        var mapped = File.ReadLines("/proc/self/maps")
            .Select(line => line[(line.IndexOf('/', StringComparison.Ordinal) is var i and >= 0 ? i : line.Length)..])
            .Where(path => path.EndsWith("/" + Native, StringComparison.Ordinal))
            .Distinct()
            .ToList();

        var loaded = Assert.Single(mapped);
        Assert.StartsWith(AppContext.BaseDirectory, loaded, StringComparison.Ordinal);
        var shim = Path.Combine(Path.GetDirectoryName(loaded)!, Shim);
        Assert.Equal(File.Exists(shim) ? shim : null, SegPref.Models.Torch.TorchRuntime.PreloadedShim);
    }

    [Fact]
    public void OutputCopy_ComparedWithPackageCache_DiffersOnlyByTheWeakFlagWhereTheShimWasBuilt()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the fix applies to the linux-x64 native only");
        var nativeDir = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native");
        var cached = TaskRunner.PackageNative;
        Assert.SkipUnless(File.Exists(cached), $"package cache copy not found at {cached}");

        var original = File.ReadAllBytes(cached);
        var output = File.ReadAllBytes(Path.Combine(nativeDir, Native));

        Assert.Equal(original.Length, output.Length);
        var differing = Enumerable.Range(0, original.Length).Where(i => original[i] != output[i]).ToList();
        if (File.Exists(Path.Combine(nativeDir, Shim)))
        {
            var at = Assert.Single(differing);
            Assert.Equal(original[at] | 0x2, output[at]);
        }
        else
        {
            Assert.Empty(differing);
        }
    }
}

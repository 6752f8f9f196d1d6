namespace SegPref.Models.Tests.Torch;

/// <summary>
/// Runs the inline task of build/TorchSharpNativeFix.targets through MSBuild on temporary copies of the
/// package's libLibTorchSharp.so, with a stand-in libstdc++ that lacks GLIBCXX_3.4.32 so the fix is needed
/// on any machine.
/// </summary>
public sealed class TorchSharpNativeFixTaskTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("segpref-elf-").FullName;

    [Fact]
    public void Task_RunTwiceOnASymlinkToThePackageFile_PatchesACopyOnceAndLeavesThePackageFileAlone()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && File.Exists(TaskRunner.PackageNative), "needs the linux-x64 TorchSharp package");
        var package = Path.Combine(_dir, "package-libLibTorchSharp.so");
        File.Copy(TaskRunner.PackageNative, package);
        var original = File.ReadAllBytes(package);
        var output = Path.Combine(_dir, "libLibTorchSharp.so");
        File.CreateSymbolicLink(output, package); // as with CreateSymbolicLinksForCopyLocalIfPossible
        var notElf = Path.Combine(_dir, "not-elf.so");
        File.WriteAllText(notElf, "plain text");

        var log = TaskRunner.Run(_dir, output, notElf);

        Assert.Equal(original, File.ReadAllBytes(package));
        Assert.Null(new FileInfo(output).LinkTarget);
        var afterFirst = File.ReadAllBytes(output + ".first");
        var at = Assert.Single(Enumerable.Range(0, original.Length), i => original[i] != afterFirst[i]);
        Assert.Equal(original[at] | 0x2, afterFirst[at]);
        Assert.Equal(afterFirst, File.ReadAllBytes(output));
        Assert.Contains("FIRST=1 SECOND=0", log, StringComparison.Ordinal);
        Assert.Contains($"cannot patch {notElf}: {notElf} is not an ELF file", log, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

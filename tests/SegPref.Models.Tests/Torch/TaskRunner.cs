using System.Diagnostics;

namespace SegPref.Models.Tests.Torch;

/// <summary>Drives the SegPrefTorchSharpNativeFix inline task with `dotnet msbuild` on a throw-away project.</summary>
internal static class TaskRunner
{
    public static string PackageNative { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    /// <summary>Patches <paramref name="library"/> twice (keeping a copy after the first run as .first), then <paramref name="notElf"/>.</summary>
    public static string Run(string dir, string library, string notElf)
    {
        var fakeLibStdCxx = Path.Combine(dir, "libstdc++.so.6");
        File.WriteAllText(fakeLibStdCxx, "GLIBCXX_3.4.30\0GLIBCXX_3.4.31\0");
        var project = Path.Combine(dir, "patch.proj");
        File.WriteAllText(project, $"""
            <Project>
              <Import Project="{Path.Combine(RepoRoot(), "build", "TorchSharpNativeFix.targets")}" />
              <Target Name="Patch">
                <SegPrefTorchSharpNativeFix Libraries="{library}" RequiredVersion="GLIBCXX_3.4.32" LibStdCxxPath="{fakeLibStdCxx}">
                  <Output TaskParameter="PatchedLibraries" ItemName="First" />
                </SegPrefTorchSharpNativeFix>
                <Copy SourceFiles="{library}" DestinationFiles="{library}.first" />
                <SegPrefTorchSharpNativeFix Libraries="{library}" RequiredVersion="GLIBCXX_3.4.32" LibStdCxxPath="{fakeLibStdCxx}">
                  <Output TaskParameter="PatchedLibraries" ItemName="Second" />
                </SegPrefTorchSharpNativeFix>
                <Message Importance="high" Text="FIRST=@(First->Count()) SECOND=@(Second->Count())" />
                <SegPrefTorchSharpNativeFix Libraries="{notElf}" RequiredVersion="GLIBCXX_3.4.32" LibStdCxxPath="{fakeLibStdCxx}" ContinueOnError="true" />
              </Target>
            </Project>
            """);

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dir,
        };
        foreach (var arg in new[] { "msbuild", project, "-t:Patch", "-nologo", "-noAutoResponse", "-nodeReuse:false", "-v:m" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var log = stdout.Result + stderr;
        Assert.True(process.ExitCode == 0, $"dotnet msbuild failed ({process.ExitCode}):\n{log}");
        return log;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "build", "TorchSharpNativeFix.targets")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"build/TorchSharpNativeFix.targets not found above {AppContext.BaseDirectory}");
    }
}

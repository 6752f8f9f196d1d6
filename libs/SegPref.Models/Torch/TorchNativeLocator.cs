namespace SegPref.Models.Torch;

/// <summary>
/// Finds the folder from which the .NET host lets TorchSharp load libLibTorchSharp.so: TorchSharp resolves
/// "LibTorchSharp" through the host's native search directories, built from the app's deps.json
/// (runtimes/linux-x64/native/ in a RID-neutral build, the app folder in a RID-specific build or publish).
/// </summary>
internal static class TorchNativeLocator
{
    public static string? FindDirectory()
    {
        foreach (var dir in CandidateDirectories())
        {
            if (File.Exists(Path.Combine(dir, IosBaseShim.TorchSharpNative)))
            {
                return dir;
            }
        }

        return null;
    }

    private static IEnumerable<string> CandidateDirectories()
    {
        if (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") is string searchDirs)
        {
            foreach (var dir in searchDirs.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                yield return dir;
            }
        }

        var appDir = AppContext.BaseDirectory;
        yield return Path.Combine(appDir, "runtimes", "linux-x64", "native");
        yield return appDir;
    }
}

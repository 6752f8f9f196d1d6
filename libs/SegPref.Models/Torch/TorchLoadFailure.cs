namespace SegPref.Models.Torch;

/// <summary>Turns TorchSharp's generic load failure into a message that names the cause and the fix.</summary>
internal static class TorchLoadFailure
{
    public static string Describe(Exception e)
    {
        var dir = TorchNativeLocator.FindDirectory();
        var library = dir is null
            ? $"{IosBaseShim.TorchSharpNative} (not found in this app's native search directories)"
            : Path.Combine(dir, IosBaseShim.TorchSharpNative);
        var loaderMessage = dir is null ? null : DlopenMessage(Path.Combine(dir, IosBaseShim.TorchSharpNative));
        return $"TorchSharp could not load {library}: {loaderMessage ?? e.Message}. "
            + $"Where the system libstdc++ lacks GLIBCXX_3.4.32 (symbol std::ios_base_library_init(), {IosBaseShim.MissingSymbol}; "
            + "Debian 12 and other GCC 12 systems), build/TorchSharpNativeFix.targets patches the build output's copy during "
            + "'dotnet build' and needs g++ (apt-get install g++). Rebuild the app (dotnet build) and see docs/torchsharp-debian12.md.";
    }

    // TorchSharp's own exception hides the loader's reason; asking the loader again recovers it.
    private static string? DlopenMessage(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        return NativeDl.Open(path, NativeDl.RtldNow) == IntPtr.Zero ? NativeDl.LastError() : null;
    }
}

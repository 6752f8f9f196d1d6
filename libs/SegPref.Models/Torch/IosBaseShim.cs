using System.Runtime.InteropServices;

namespace SegPref.Models.Torch;

/// <summary>
/// The std::ios_base_library_init() stand-in that build/TorchSharpNativeFix.targets compiles next to
/// libLibTorchSharp.so where the system libstdc++ lacks GLIBCXX_3.4.32 (see docs/torchsharp-debian12.md).
/// </summary>
internal static class IosBaseShim
{
    public const string FileName = "libios_base_library_init.so";
    public const string TorchSharpNative = "libLibTorchSharp.so";
    public const string MissingSymbol = "_ZSt21ios_base_library_initv";

    /// <summary>
    /// Loads the shim globally when it sits next to the TorchSharp native and the process's libstdc++ lacks
    /// the function. Returns the shim's path when loaded, null when not needed or not present.
    /// </summary>
    public static string? PreloadIfNeeded()
    {
        if (!OperatingSystem.IsLinux() || LibStdCxxHasSymbol())
        {
            return null;
        }

        var nativeDir = TorchNativeLocator.FindDirectory();
        var shim = nativeDir is null ? null : Path.Combine(nativeDir, FileName);
        if (shim is null || !File.Exists(shim))
        {
            return null;
        }

        if (NativeDl.Open(shim, NativeDl.RtldNow | NativeDl.RtldGlobal) == IntPtr.Zero)
        {
            throw new InvalidOperationException($"Could not load {shim}: {NativeDl.LastError()}");
        }

        return shim;
    }

    // A stale shim (an output copied from an older system) must not shadow libstdc++'s real function.
    private static bool LibStdCxxHasSymbol()
    {
        if (!NativeLibrary.TryLoad("libstdc++.so.6", out var handle))
        {
            return false;
        }

        return NativeLibrary.TryGetExport(handle, MissingSymbol, out _);
    }
}

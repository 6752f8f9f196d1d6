using System.Runtime.InteropServices;

namespace SegPref.Models.Torch;

/// <summary>
/// glibc's dlopen, called directly because <see cref="NativeLibrary"/> cannot pass RTLD_GLOBAL, and only a
/// globally loaded library can supply symbols to libraries that the runtime loads later.
/// </summary>
/// <remarks>DllImport rather than LibraryImport: the generated marshalling would need unsafe code in this project.</remarks>
internal static class NativeDl
{
    public const int RtldNow = 0x2;
    public const int RtldGlobal = 0x100;

    // glibc 2.34+ (Debian 12 has 2.36) exports dlopen from libc.so.6 itself; no libdl needed.
    private const string LibC = "libc.so.6";

    [DllImport(LibC, EntryPoint = "dlopen", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern IntPtr Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport(LibC, EntryPoint = "dlerror", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern IntPtr Error();

    /// <summary>The loader's message for the last failure (it names the library and the missing symbol).</summary>
    public static string LastError() => Marshal.PtrToStringUTF8(Error()) ?? "unknown dlopen error";
}

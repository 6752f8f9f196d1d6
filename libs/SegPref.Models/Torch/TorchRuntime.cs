using TorchSharp;

namespace SegPref.Models.Torch;

/// <summary>
/// One place that makes TorchSharp's native libraries usable in this process. Call
/// <see cref="EnsureInitialized"/> before the first TorchSharp call; every SegPref.Models entry point that
/// uses torch does.
/// </summary>
/// <remarks>
/// Deliberately not a module initializer: those run on first use of any type in this assembly, including
/// code paths that never touch torch, and they must not throw, whereas a failed load here should stop the
/// caller with a message that says what to fix.
/// </remarks>
public static class TorchRuntime
{
    private static readonly Lock Gate = new();
    private static volatile bool _initialized;

    /// <summary>Gets the path of the pre-loaded std::ios_base_library_init() shim, or null if none was needed.</summary>
    public static string? PreloadedShim { get; private set; }

    /// <summary>
    /// Pre-loads the ios_base_library_init shim when the build placed one next to the TorchSharp natives and
    /// the process's libstdc++ lacks the function, then loads libtorch (CPU). Idempotent and thread-safe.
    /// </summary>
    /// <exception cref="InvalidOperationException">The native libraries could not be loaded; the message says why and what to do.</exception>
    public static void EnsureInitialized()
    {
        if (_initialized)
        {
            return;
        }

        lock (Gate)
        {
            if (_initialized)
            {
                return;
            }

            PreloadedShim = IosBaseShim.PreloadIfNeeded();
            try
            {
                torch.InitializeDeviceType(DeviceType.CPU);
            }
            catch (Exception e) when (e is NotSupportedException or DllNotFoundException or TypeInitializationException or EntryPointNotFoundException)
            {
                throw new InvalidOperationException(TorchLoadFailure.Describe(e), e);
            }

            _initialized = true;
        }
    }
}

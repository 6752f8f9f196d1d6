using System.Runtime.InteropServices;

namespace SegPref.Cli.Tests;

/// <summary>Sends a signal to another process (what Ctrl-C in a terminal does to the foreground process).</summary>
/// <remarks>DllImport rather than LibraryImport: the generated marshalling would need unsafe code in this project.</remarks>
internal static class PosixSignal
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    public static void Send(int processId, int signal)
    {
        if (Kill(processId, signal) != 0)
        {
            throw new InvalidOperationException($"kill({processId}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [DllImport("libc.so.6", EntryPoint = "kill", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int sig);
}

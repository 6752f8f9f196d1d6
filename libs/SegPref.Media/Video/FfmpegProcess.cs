using System.Diagnostics;
using System.Text;

namespace SegPref.Media.Video;

/// <summary>
/// One ffmpeg or ffprobe run: arguments passed as a list (no shell), stdout as a binary stream for the caller, the last
/// few kilobytes of stderr kept for error messages, and the process killed if it is disposed while still running.
/// </summary>
internal sealed class FfmpegProcess : IAsyncDisposable
{
    private const int StderrTailChars = 4096;

    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly Task _stderrPump;
    private int _disposed;

    private FfmpegProcess(Process process)
    {
        _process = process;
        _stderrPump = PumpStderrAsync();
    }

    /// <summary>What the tool writes on stdout.</summary>
    public Stream Output => _process.StandardOutput.BaseStream;

    /// <summary>Starts <paramref name="tool"/> with <paramref name="arguments"/>.</summary>
    /// <exception cref="FileNotFoundException">The tool cannot be started.</exception>
    public static FfmpegProcess Start(string tool, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            var process = Process.Start(info) ?? throw new FileNotFoundException($"{tool} did not start.");
            process.StandardInput.Close();
            return new FfmpegProcess(process);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new FileNotFoundException($"{tool} could not be started ({ex.Message}); install ffmpeg (apt-get install ffmpeg).", tool, ex);
        }
    }

    /// <summary>Runs <paramref name="tool"/> to the end and returns its exit code, its stdout as text and its stderr tail.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string tool, IEnumerable<string> arguments, CancellationToken ct)
    {
        await using var run = Start(tool, arguments);
        using var reader = new StreamReader(run.Output, Encoding.UTF8);
        var output = await reader.ReadToEndAsync(ct);
        var exit = await run.WaitAsync(ct);
        return (exit, output, run.Errors);
    }

    /// <summary>The last lines the tool wrote on stderr (complete once it has exited).</summary>
    public string Errors
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString().Trim();
            }
        }
    }

    /// <summary>Waits for the tool to exit; its exit code.</summary>
    public async Task<int> WaitAsync(CancellationToken ct)
    {
        await _process.WaitForExitAsync(ct);
        await _stderrPump;
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            await _stderrPump;
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private async Task PumpStderrAsync()
    {
        var buffer = new char[1024];
        var reader = _process.StandardError;
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            lock (_stderr)
            {
                _stderr.Append(buffer, 0, read);
                if (_stderr.Length > 2 * StderrTailChars)
                {
                    _stderr.Remove(0, _stderr.Length - StderrTailChars);
                }
            }
        }
    }
}

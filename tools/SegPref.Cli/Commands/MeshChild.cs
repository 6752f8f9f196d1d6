using System.Diagnostics;

namespace SegPref.Cli.Commands;

/// <summary>One mesh process started with `dotnet &lt;dll&gt;`; keeps the tail of its output for error messages.</summary>
internal sealed class MeshChild : IDisposable
{
    private const int TailLines = 40;
    private readonly Queue<string> _tail = new();
    private readonly Lock _lock = new();

    private MeshChild(string name, Uri address, Process process)
    {
        Name = name;
        Address = address;
        Process = process;
    }

    public string Name { get; }

    public Uri Address { get; }

    public Process Process { get; }

    public static MeshChild Start(string name, string dll, Uri address, IReadOnlyDictionary<string, string> settings)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            // The content root is the working directory: the gateway finds its appsettings.json there.
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = info };
        var child = new MeshChild(name, address, process);
        process.OutputDataReceived += (_, e) => child.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => child.Remember(e.Data);
        if (!process.Start())
        {
            throw new IOException($"Could not start {name} (dotnet {dll}).");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public string Tail()
    {
        lock (_lock)
        {
            return string.Join(Environment.NewLine, _tail);
        }
    }

    public void Stop()
    {
        try
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
    }

    public void Dispose()
    {
        Stop();
        Process.Dispose();
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _tail.Enqueue(line);
            while (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }
        }
    }
}

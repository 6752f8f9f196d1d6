using System.Diagnostics;

namespace SegPref.Mesh.Launcher;

/// <summary>
/// One mesh process run as `dotnet &lt;dll&gt;` with its settings in the environment; started again with the same
/// settings (same port) after a crash. Keeps the tail of its output for error messages.
/// </summary>
internal sealed class MeshProcess : IDisposable
{
    private const int TailLines = 40;
    private readonly Queue<string> _tail = new();
    private readonly Lock _lock = new();
    private readonly string _dll;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private Process? _process;

    public MeshProcess(string name, string dll, Uri address, IReadOnlyDictionary<string, string> settings, bool isGateway)
    {
        Name = name;
        Address = address;
        IsGateway = isGateway;
        _dll = dll;
        _settings = settings;
    }

    public string Name { get; }

    public Uri Address { get; }

    public bool IsGateway { get; }

    public Process Process => _process ?? throw new InvalidOperationException($"{Name} was not started.");

    public bool HasExited
    {
        get
        {
            try
            {
                return _process is null || _process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }
    }

    /// <summary>Starts (or starts again) the process.</summary>
    public void Start()
    {
        var info = new ProcessStartInfo("dotnet")
        {
            // The content root is the working directory: the gateway finds its appsettings.json there.
            WorkingDirectory = Path.GetDirectoryName(_dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(_dll);
        foreach (var (key, value) in _settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        if (!process.Start())
        {
            throw new IOException($"Could not start {Name} (dotnet {_dll}).");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var previous = Interlocked.Exchange(ref _process, process);
        previous?.Dispose();
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
            if (_process is { HasExited: false } process)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
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
        _process?.Dispose();
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

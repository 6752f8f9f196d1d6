using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace SegPref.Mesh.Launcher;

/// <summary>
/// The four services and the gateway as separate processes on loopback ports: checked (models, keys) before anything
/// starts, started together, ready when every service reports SERVING on grpc.health.v1 and the gateway's /readyz
/// passes, supervised (a process that dies is started again on the same port after a backoff; a crash loop gives up
/// and fails <see cref="Failed"/>), and stopped together (dispose, Ctrl-C, or the launcher's exit: each child also
/// watches this process's id through Mesh:ParentPid).
/// </summary>
public sealed partial class LocalMesh : IAsyncDisposable
{
    private readonly List<MeshProcess> _processes = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource<string> _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Task> _supervisors = [];
    private readonly Action<string> _log;
    private readonly MeshLaunchOptions _options;
    private readonly HashSet<int> _ports = [];
    private string? _statePath;
    private int _stopped;

    private LocalMesh(MeshLaunchOptions options, Action<string> log)
    {
        _options = options;
        _log = log;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>The gateway's public address.</summary>
    public Uri Gateway => _processes[^1].Address;

    /// <summary>Every process and its address, gateway last.</summary>
    public IReadOnlyList<(string Name, Uri Address)> Endpoints => [.. _processes.Select(c => (c.Name, c.Address))];

    /// <summary>Completes with a message when a process crashed too often and supervision gave up.</summary>
    public Task<string> Failed => _failed.Task;

    /// <summary>Where the mesh's processes are written (for `segpref bench`).</summary>
    public string? StatePath => _statePath;

    /// <summary>The current process id of <paramref name="name"/> (changes when it is restarted).</summary>
    public int ProcessId(string name) => _processes.Single(p => p.Name == name).Process.Id;

    /// <exception cref="ArgumentException">A bad --model or --api-key-file; nothing was started.</exception>
    /// <exception cref="IOException">A process did not start or become ready.</exception>
    public static async Task<LocalMesh> StartAsync(MeshLaunchOptions options, Action<string> log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var services = Check(options);
        var mesh = new LocalMesh(options, log);
        try
        {
            await mesh.StartProcessesAsync(services, ct);
            return mesh;
        }
        catch
        {
            await mesh.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        await _stopping.CancelAsync();
        StopAll();
        try
        {
            await Task.WhenAll(_supervisors);
        }
        catch (OperationCanceledException)
        {
        }

        if (_statePath is not null)
        {
            File.Delete(_statePath);
        }

        _stopping.Dispose();
    }

    // Everything a user can get wrong is checked before a process starts.
    private static Dictionary<string, Dictionary<string, string>> Check(MeshLaunchOptions options)
    {
        var perService = MeshServiceSpec.Services.ToDictionary(s => s.Name, _ => new Dictionary<string, string>(StringComparer.Ordinal));
        foreach (var selection in options.Models)
        {
            var repository = options.ModelRepository
                ?? throw new ArgumentException($"--model {selection.Role}={selection.Name}: pass --repo with the model repository.");
            selection.Check(Path.GetFullPath(repository));
            var service = perService[ModelSelection.ServiceOfRole[selection.Role]];
            service["Models:Name"] = selection.Name;
            if (selection.Version is not null)
            {
                service["Models:Version"] = selection.Version;
            }
        }

        var unknown = options.Replicas.Keys.Except(perService.Keys, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0 || options.Replicas.Values.Any(n => n is < 1 or > MeshReplicas.Max))
        {
            throw new ArgumentException($"--replicas: services are {string.Join(", ", perService.Keys)}, each 1..{MeshReplicas.Max} times.");
        }

        if (options.ApiKeyFile is { } file)
        {
            if (!File.Exists(file))
            {
                throw new ArgumentException($"--api-key-file {file}: no such file.");
            }

            if (!File.ReadLines(file).Any(l => l.Trim() is { Length: > 0 } t && !t.StartsWith('#') && t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length == 2))
            {
                throw new ArgumentException($"--api-key-file {file}: no keys; write one \"client key\" per line.");
            }
        }
        else if (options.Public)
        {
            throw new ArgumentException("--public needs --api-key-file: an open gateway listens on loopback only.");
        }

        return perService;
    }

    private async Task StartProcessesAsync(Dictionary<string, Dictionary<string, string>> perService, CancellationToken ct)
    {
        var common = new Dictionary<string, string>(_options.Settings)
        {
            ["Mesh:ParentPid"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
        };
        if (_options.ModelRepository is not null)
        {
            common["Models:Root"] = Path.GetFullPath(_options.ModelRepository);
        }

        var instances = MeshServiceSpec.Services
            .Select(s => s with { Replicas = _options.Replicas.GetValueOrDefault(s.Name, 1) })
            .SelectMany(s => Enumerable.Range(0, s.Replicas).Select(i => (Spec: s, Name: s.InstanceName(i), Address: Loopback(FreePort()))))
            .ToList();

        // One replica: its address. Several: gRPC's ipv4: list, which the Pipeline balances round-robin per call.
        string Stage(string name)
        {
            var replicas = instances.Where(i => i.Spec.Name == name).Select(i => i.Address).ToList();
            return replicas.Count == 1
                ? replicas[0].ToString()
                : "ipv4:" + string.Join(',', replicas.Select(a => $"{a.Host}:{a.Port.ToString(CultureInfo.InvariantCulture)}"));
        }

        foreach (var instance in instances)
        {
            var settings = new Dictionary<string, string>(common);
            foreach (var (key, value) in perService[instance.Spec.Name])
            {
                settings[key] = value;
            }

            settings["Service:Port"] = instance.Address.Port.ToString(CultureInfo.InvariantCulture);
            if (instance.Spec.Name == "segmentation")
            {
                settings["Pipeline:CaptionerUrl"] = Stage("captioner");
                settings["Pipeline:TextCuesUrl"] = Stage("textcues");
                settings["Pipeline:AudioEncoderUrl"] = Stage("audio");
            }

            _log($"starting {instance.Name} on {instance.Address}");
            var process = new MeshProcess(instance.Name, MeshBinaries.Locate(instance.Spec.Project, instance.Spec.Folder, _options.BinRoot), instance.Address, settings, isGateway: false);
            _processes.Add(process);
            process.Start();
        }

        // The gateway starts once every service is SERVING, so its first health probes pass.
        await WaitAllReadyAsync(ct);
        var port = _options.GatewayPort == 0 ? FreePort() : _options.GatewayPort;
        var gateway = new Dictionary<string, string>(common) { ["Gateway:Port"] = port.ToString(CultureInfo.InvariantCulture) };
        foreach (var group in instances.SelectMany(i => i.Spec.Clusters.Select(c => (Cluster: c, i.Address))).GroupBy(x => x.Cluster))
        {
            var n = 0;
            foreach (var (cluster, address) in group)
            {
                gateway[$"ReverseProxy:Clusters:{cluster}:Destinations:d{++n}:Address"] = address.ToString();
            }
        }

        if (_options.ApiKeyFile is not null)
        {
            gateway["Auth:ApiKeyFile"] = Path.GetFullPath(_options.ApiKeyFile);
            gateway["Gateway:ListenOnAllInterfaces"] = _options.Public ? "true" : "false";
        }

        _log($"starting gateway on {Loopback(port)}");
        var spec = MeshServiceSpec.Gateway;
        var gatewayProcess = new MeshProcess(spec.Name, MeshBinaries.Locate(spec.Project, spec.Folder, _options.BinRoot), Loopback(port), gateway, isGateway: true);
        _processes.Add(gatewayProcess);
        gatewayProcess.Start();
        await WaitAllReadyAsync(ct);
        _statePath = _options.StateFile ?? MeshState.DefaultPath(port);
        WriteState();
        foreach (var process in _processes)
        {
            _supervisors.Add(Task.Run(() => SuperviseAsync(process, _stopping.Token), CancellationToken.None));
        }
    }

    private async Task WaitAllReadyAsync(CancellationToken ct)
    {
        foreach (var process in _processes)
        {
            await WaitReadyAsync(process, ct);
            _log($"{process.Name} is serving");
        }
    }

    private async Task WaitReadyAsync(MeshProcess process, CancellationToken ct)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(_options.ReadyTimeout);
        while (!await IsReadyAsync(process, budget.Token))
        {
            if (process.HasExited)
            {
                throw new IOException($"{process.Name} exited with code {ExitCode(process)} before it was ready:{Environment.NewLine}{process.Tail()}");
            }

            if (budget.IsCancellationRequested)
            {
                ct.ThrowIfCancellationRequested();
                throw new IOException($"{process.Name} was not ready after {_options.ReadyTimeout.TotalSeconds:F0} s:{Environment.NewLine}{process.Tail()}");
            }

            await Task.Delay(200, CancellationToken.None);
        }
    }

    private static async Task<bool> IsReadyAsync(MeshProcess process, CancellationToken ct)
    {
        try
        {
            if (process.IsGateway)
            {
                using var http = new HttpClient();
                using var response = await http.GetAsync(new Uri(process.Address, "/readyz"), ct);
                return response.IsSuccessStatusCode;
            }

            using var channel = GrpcChannel.ForAddress(process.Address);
            var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2), cancellationToken: ct);
            return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving;
        }
        catch (Exception ex) when (ex is HttpRequestException or Grpc.Core.RpcException or OperationCanceledException)
        {
            return false;
        }
    }

    private void WriteState()
    {
        if (_statePath is null)
        {
            return;
        }

        new MeshState(Gateway, [.. _processes.Where(p => !p.HasExited).Select(p => new MeshState.Member(p.Name, p.Process.Id, p.Address))]).Write(_statePath);
    }

    private static string ExitCode(MeshProcess process)
    {
        try
        {
            return process.Process.ExitCode.ToString(CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => StopAll();

    private void StopAll()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        // Gateway first, so no new calls reach services that are going away.
        foreach (var process in Enumerable.Reverse(_processes))
        {
            process.Dispose();
        }
    }

    private static Uri Loopback(int port) => new($"http://127.0.0.1:{port}");

    // The port is free now; another process could take it before the child binds (reported as a start failure).
    /// <summary>
    /// A loopback port free now and not yet given to another process of this mesh: the OS may hand a just-released
    /// port out again, which once gave the audio encoder and the segmentation service the same port.
    /// </summary>
    private int FreePort()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (_ports.Add(port))
            {
                return port;
            }
        }
    }
}

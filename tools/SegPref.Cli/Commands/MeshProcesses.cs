using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace SegPref.Cli.Commands;

/// <summary>
/// The four services and the gateway as separate processes on loopback ports: started together, ready when every
/// service reports SERVING on grpc.health.v1 and the gateway answers /healthz, stopped together (dispose, Ctrl-C, or
/// the parent's exit: each child also watches this process's id through Mesh:ParentPid).
/// </summary>
internal sealed class MeshProcesses : IAsyncDisposable
{
    private static readonly (string Name, string Project, string Folder, string Cluster)[] Services =
    [
        ("captioner", "SegPref.Captioner.Service", "services", "captioner"),
        ("textcues", "SegPref.TextCues.Service", "services", "textcues"),
        ("audio", "SegPref.AudioEncoder.Service", "services", "audio"),
        ("segmentation", "SegPref.Segmentation.Service", "services", "segmentation"),
    ];

    private readonly List<MeshChild> _children = [];
    private int _stopped;

    private MeshProcesses()
    {
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>The gateway's public address.</summary>
    public Uri Gateway => _children[^1].Address;

    /// <summary>Every process and its address, gateway last.</summary>
    public IReadOnlyList<(string Name, Uri Address)> Endpoints => [.. _children.Select(c => (c.Name, c.Address))];

    public static async Task<MeshProcesses> StartAsync(MeshLaunchOptions options, Action<string> log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var mesh = new MeshProcesses();
        try
        {
            var common = new Dictionary<string, string>(options.Settings)
            {
                ["Mesh:ParentPid"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
            };
            if (options.ModelRepository is not null)
            {
                common["Models:Root"] = Path.GetFullPath(options.ModelRepository);
            }

            var addresses = Services.ToDictionary(s => s.Name, _ => Loopback(FreePort()));
            foreach (var service in Services)
            {
                var settings = new Dictionary<string, string>(common) { ["Service:Port"] = addresses[service.Name].Port.ToString(CultureInfo.InvariantCulture) };
                if (service.Name == "segmentation")
                {
                    settings["Pipeline:CaptionerUrl"] = addresses["captioner"].ToString();
                    settings["Pipeline:TextCuesUrl"] = addresses["textcues"].ToString();
                    settings["Pipeline:AudioEncoderUrl"] = addresses["audio"].ToString();
                }

                log($"starting {service.Name} on {addresses[service.Name]}");
                mesh._children.Add(MeshChild.Start(service.Name, MeshBinaries.Locate(service.Project, service.Folder, options.BinRoot), addresses[service.Name], settings));
            }

            // The gateway starts only once every service is SERVING: its first active health probes then pass, instead
            // of marking destinations unhealthy until the next probe (503 for the first seconds).
            await mesh.WaitReadyAsync(options.ReadyTimeout, log, ct);
            var port = options.GatewayPort == 0 ? FreePort() : options.GatewayPort;
            var gateway = new Dictionary<string, string>(common) { ["Gateway:Port"] = port.ToString(CultureInfo.InvariantCulture) };
            foreach (var service in Services)
            {
                gateway[$"ReverseProxy:Clusters:{service.Cluster}:Destinations:d1:Address"] = addresses[service.Name].ToString();
            }

            log($"starting gateway on {Loopback(port)}");
            mesh._children.Add(MeshChild.Start("gateway", MeshBinaries.Locate("SegPref.Gateway", "gateway", options.BinRoot), Loopback(port), gateway));
            await mesh.WaitReadyAsync(options.ReadyTimeout, log, ct, skip: Services.Length);
            return mesh;
        }
        catch
        {
            await mesh.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        StopAll();
        return ValueTask.CompletedTask;
    }

    private async Task WaitReadyAsync(TimeSpan timeout, Action<string> log, CancellationToken ct, int skip = 0)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(timeout);
        foreach (var child in _children.Skip(skip))
        {
            while (!await IsReadyAsync(child, budget.Token))
            {
                if (child.Process.HasExited)
                {
                    throw new IOException($"{child.Name} exited with code {child.Process.ExitCode} before it was ready:{Environment.NewLine}{child.Tail()}");
                }

                if (budget.IsCancellationRequested)
                {
                    ct.ThrowIfCancellationRequested();
                    throw new IOException($"{child.Name} was not ready after {timeout.TotalSeconds:F0} s:{Environment.NewLine}{child.Tail()}");
                }

                await Task.Delay(200, CancellationToken.None);
            }

            log($"{child.Name} is serving");
        }
    }

    private static async Task<bool> IsReadyAsync(MeshChild child, CancellationToken ct)
    {
        try
        {
            if (child.Name == "gateway")
            {
                using var http = new HttpClient();
                using var response = await http.GetAsync(new Uri(child.Address, "/healthz"), ct);
                return response.IsSuccessStatusCode;
            }

            using var channel = GrpcChannel.ForAddress(child.Address);
            var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2), cancellationToken: ct);
            return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving;
        }
        catch (Exception ex) when (ex is HttpRequestException or Grpc.Core.RpcException or OperationCanceledException)
        {
            return false;
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
        foreach (var child in Enumerable.Reverse(_children))
        {
            child.Dispose();
        }
    }

    private static Uri Loopback(int port) => new($"http://127.0.0.1:{port}");

    // The port is free now; another process could take it before the child binds (reported as a start failure).
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

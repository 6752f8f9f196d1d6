namespace SegPref.Mesh.Launcher;

/// <summary>How `segpref mesh up` (and `segpref demo`) start the mesh.</summary>
public sealed record MeshLaunchOptions
{
    /// <summary>Model repository root passed to every service (Models:Root); null leaves the services' default.</summary>
    public string? ModelRepository { get; init; }

    /// <summary>The gateway's public port; 0 picks a free one.</summary>
    public int GatewayPort { get; init; } = 8080;

    /// <summary>Folder holding the built service and gateway dlls (see <see cref="MeshBinaries"/>); null searches the usual places.</summary>
    public string? BinRoot { get; init; }

    /// <summary>Longest wait for every process to report SERVING.</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>More settings for every process, as configuration keys ("TextCues:Backend" = "openai").</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Which repository entry each model role serves (`--model segmenter=audio-only`); checked before anything starts.</summary>
    public IReadOnlyList<ModelSelection> Models { get; init; } = [];

    /// <summary>
    /// Processes per service (`--replicas segmentation=2,audio=2`; unnamed services run once). Each replica gets its own
    /// port and is a destination of its gateway clusters; the Pipeline balances over a stage's replicas.
    /// </summary>
    public IReadOnlyDictionary<string, int> Replicas { get; init; } = new Dictionary<string, int>();

    /// <summary>API keys for the gateway (Auth:ApiKeyFile; one "client key" per line); null = no keys, loopback only.</summary>
    public string? ApiKeyFile { get; init; }

    /// <summary>Let the gateway listen on every interface (only with <see cref="ApiKeyFile"/>).</summary>
    public bool Public { get; init; }

    /// <summary>When and how often a process that died is started again.</summary>
    public RestartPolicy Restarts { get; init; } = new();

    /// <summary>Where the mesh's processes are written for `segpref bench soak|faults`; null = <see cref="MeshState.DefaultPath"/>.</summary>
    public string? StateFile { get; init; }
}

namespace SegPref.Cli.Commands;

/// <summary>How `segpref mesh up` (and `segpref demo`) start the mesh.</summary>
internal sealed record MeshLaunchOptions
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
}

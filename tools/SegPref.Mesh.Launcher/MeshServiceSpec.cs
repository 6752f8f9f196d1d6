namespace SegPref.Mesh.Launcher;

/// <summary>
/// One kind of mesh process: its project, the gateway clusters that route to it, and how many replicas to run (the
/// launcher starts one process per replica, each on its own port, and lists every replica as a destination of its
/// clusters).
/// </summary>
/// <param name="Name">Process name in logs and the state file ("audio").</param>
/// <param name="Project">Project (and dll) name.</param>
/// <param name="Folder">Repository folder holding the project ("services", "gateway").</param>
/// <param name="Clusters">Gateway clusters whose destinations are this process's replicas.</param>
public sealed record MeshServiceSpec(string Name, string Project, string Folder, IReadOnlyList<string> Clusters)
{
    /// <summary>Processes of this kind to run.</summary>
    public int Replicas { get; init; } = 1;

    /// <summary>The four services of the mesh, in start order (the segmentation service calls the other three).</summary>
    public static IReadOnlyList<MeshServiceSpec> Services { get; } =
    [
        new("captioner", "SegPref.Captioner.Service", "services", ["captioner"]),
        new("textcues", "SegPref.TextCues.Service", "services", ["textcues"]),
        new("audio", "SegPref.AudioEncoder.Service", "services", ["audio"]),
        new("segmentation", "SegPref.Segmentation.Service", "services", ["segmenter", "pipeline"]),
    ];

    /// <summary>The gateway.</summary>
    public static MeshServiceSpec Gateway { get; } = new("gateway", "SegPref.Gateway", "gateway", []);

    /// <summary>The name of replica <paramref name="index"/> ("audio", or "audio-2" for the second of several).</summary>
    public string InstanceName(int index) => Replicas == 1 ? Name : $"{Name}-{index + 1}";
}

using System.Text.Json;

namespace SegPref.Mesh.Launcher;

/// <summary>
/// What a running `segpref mesh up` is made of (process names, ids, addresses), written to a JSON file so that
/// `segpref bench soak` and `segpref bench faults` can find the processes behind a gateway address. Rewritten on
/// every restart.
/// </summary>
public sealed record MeshState(Uri Gateway, IReadOnlyList<MeshState.Member> Processes)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>One process of the mesh.</summary>
    public sealed record Member(string Name, int Pid, Uri Address);

    /// <summary>The default state file of the mesh whose gateway listens on <paramref name="port"/>.</summary>
    public static string DefaultPath(int port) => Path.Combine(Path.GetTempPath(), "segpref-mesh", $"gateway-{port}.json");

    public void Write(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, path, overwrite: true);
    }

    /// <exception cref="FileNotFoundException">No mesh wrote that file.</exception>
    public static MeshState Read(string path) =>
        File.Exists(path)
            ? JsonSerializer.Deserialize<MeshState>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path}: empty mesh state.")
            : throw new FileNotFoundException($"{path}: no mesh state; start the mesh with `segpref mesh up` (or pass --state).", path);
}

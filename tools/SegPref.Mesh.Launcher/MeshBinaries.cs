namespace SegPref.Mesh.Launcher;

/// <summary>
/// Finds the built dll of each mesh process. A folder named by --bin is the only place searched (&lt;bin&gt;/&lt;Project&gt;.dll
/// or &lt;bin&gt;/&lt;Project&gt;/&lt;Project&gt;.dll). Otherwise, in order: SEGPREF_MESH_BIN (same two forms); beside the
/// running tool (a `dotnet build tools/SegPref.Cli -o DIR` or `dotnet publish tools/SegPref.Cli -o DIR` folder holds every
/// mesh process next to segpref); the repository build layout (&lt;repo&gt;/services|gateway/&lt;Project&gt;/bin/&lt;Configuration&gt;/net10.0/),
/// where the repository is the folder above the tool that holds SegPref.Mesh.sln and the configuration is the tool's
/// own, then the other one. A failure lists every path tried.
/// </summary>
public static class MeshBinaries
{
    public const string EnvironmentVariable = "SEGPREF_MESH_BIN";

    /// <summary>The dll of <paramref name="project"/> (in the repository folder <paramref name="folder"/>).</summary>
    /// <exception cref="FileNotFoundException">No candidate exists; the message lists every path tried.</exception>
    public static string Locate(string project, string folder, string? binRoot) =>
        Locate(project, folder, binRoot, Environment.GetEnvironmentVariable(EnvironmentVariable), AppContext.BaseDirectory);

    internal static string Locate(string project, string folder, string? binRoot, string? environmentRoot, string toolDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(project);
        var tried = Candidates(project, folder, binRoot, environmentRoot, toolDirectory);
        var hint = string.IsNullOrWhiteSpace(binRoot)
            ? "build it (dotnet build tools/SegPref.Cli builds every mesh process; build or publish with -o DIR puts them beside DIR/segpref) or pass --bin"
            : "--bin must name a folder holding the mesh processes (a `dotnet publish tools/SegPref.Cli -o DIR` folder, or one with a sub-folder per process)";
        return tried.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"Cannot find {project}.dll; {hint}. Looked in:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", tried)}");
    }

    private static List<string> Candidates(string project, string folder, string? binRoot, string? environmentRoot, string toolDirectory)
    {
        var dll = project + ".dll";
        if (!string.IsNullOrWhiteSpace(binRoot))
        {
            return [Path.GetFullPath(Path.Combine(binRoot, dll)), Path.GetFullPath(Path.Combine(binRoot, project, dll))];
        }

        var tried = new List<string>();
        foreach (var root in new[] { environmentRoot, toolDirectory })
        {
            if (!string.IsNullOrWhiteSpace(root))
            {
                tried.Add(Path.GetFullPath(Path.Combine(root, dll)));
                tried.Add(Path.GetFullPath(Path.Combine(root, project, dll)));
            }
        }

        var repo = FindRepository(toolDirectory);
        if (repo is not null)
        {
            var own = OwnConfiguration(toolDirectory);
            foreach (var configuration in new[] { own, own == "Release" ? "Debug" : "Release" })
            {
                tried.Add(Path.Combine(repo, folder, project, "bin", configuration, "net10.0", dll));
            }
        }

        return tried;
    }

    private static string? FindRepository(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SegPref.Mesh.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    // .../bin/<Configuration>/net10.0/ -> <Configuration>.
    private static string OwnConfiguration(string baseDirectory)
    {
        var parts = baseDirectory.TrimEnd(Path.DirectorySeparatorChar).Split(Path.DirectorySeparatorChar);
        var bin = Array.LastIndexOf(parts, "bin");
        return bin >= 0 && bin + 1 < parts.Length ? parts[bin + 1] : "Debug";
    }
}

namespace SegPref.Mesh.Launcher;

/// <summary>
/// Finds the built dll of each mesh process. Order: an explicit folder (--bin or SEGPREF_MESH_BIN) holding
/// &lt;Project&gt;/&lt;Project&gt;.dll or &lt;Project&gt;.dll; then the repository build layout
/// (&lt;repo&gt;/services|gateway/&lt;Project&gt;/bin/&lt;Configuration&gt;/net10.0/), where the repository is the
/// folder above this tool that holds SegPref.Mesh.sln and the configuration is the tool's own, then the other one.
/// Building tools/SegPref.Cli builds the services too (project references without assembly references).
/// </summary>
public static class MeshBinaries
{
    public const string EnvironmentVariable = "SEGPREF_MESH_BIN";

    public static string Locate(string project, string folder, string? binRoot)
    {
        var tried = new List<string>();
        foreach (var root in new[] { binRoot, Environment.GetEnvironmentVariable(EnvironmentVariable) })
        {
            if (!string.IsNullOrWhiteSpace(root))
            {
                tried.Add(Path.Combine(root, project, project + ".dll"));
                tried.Add(Path.Combine(root, project + ".dll"));
            }
        }

        var repo = FindRepository(AppContext.BaseDirectory);
        if (repo is not null)
        {
            var own = OwnConfiguration(AppContext.BaseDirectory);
            foreach (var configuration in new[] { own, own == "Release" ? "Debug" : "Release" })
            {
                tried.Add(Path.Combine(repo, folder, project, "bin", configuration, "net10.0", project + ".dll"));
            }
        }

        return tried.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"Cannot find {project}.dll; build it (dotnet build tools/SegPref.Cli builds every mesh process) or pass --bin. Looked in:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", tried)}");
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

namespace SegPref.Cli.Infrastructure;

/// <summary>
/// Where commands look for a trained model when no --run is given: runs/&lt;name&gt; under the repository root (the
/// nearest folder upwards from the working directory holding SegPref.Mesh.sln or .git; else the working directory).
/// A model repository replaces this in a later issue.
/// </summary>
internal static class DefaultRunFolder
{
    public static string Resolve(string name, string? startDir = null)
    {
        var start = Path.GetFullPath(startDir ?? Directory.GetCurrentDirectory());
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SegPref.Mesh.sln")) || Path.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return Path.Combine(dir.FullName, "runs", name);
            }
        }

        return Path.Combine(start, "runs", name);
    }
}

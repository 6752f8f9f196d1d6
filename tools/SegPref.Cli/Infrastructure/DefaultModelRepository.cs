namespace SegPref.Cli.Infrastructure;

/// <summary>
/// The committed model repository: models/ under the repository root (the folder holding SegPref.Mesh.sln, searched
/// upwards from the working directory and then from the tool), else the copy that every build and publish of segpref
/// places beside it (DIR/models).
/// </summary>
internal static class DefaultModelRepository
{
    public static string Resolve(string? startDir = null, string? toolDir = null)
    {
        var start = Path.GetFullPath(startDir ?? Directory.GetCurrentDirectory());
        var tool = toolDir ?? AppContext.BaseDirectory;
        foreach (var origin in new[] { start, tool })
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SegPref.Mesh.sln")))
                {
                    return Path.Combine(dir.FullName, "models");
                }
            }
        }

        var beside = Path.Combine(tool, "models");
        return Directory.Exists(beside)
            ? beside
            : throw new DirectoryNotFoundException($"No SegPref.Mesh.sln above {start} or {tool}, and no {beside}: pass --repo with a model repository folder.");
    }
}

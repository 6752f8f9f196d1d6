namespace SegPref.Cli.Infrastructure;

/// <summary>The committed model repository: models/ under the repository root (the folder holding SegPref.Mesh.sln).</summary>
internal static class DefaultModelRepository
{
    public static string Resolve(string? startDir = null)
    {
        var start = Path.GetFullPath(startDir ?? Directory.GetCurrentDirectory());
        foreach (var origin in new[] { start, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SegPref.Mesh.sln")))
                {
                    return Path.Combine(dir.FullName, "models");
                }
            }
        }

        throw new DirectoryNotFoundException($"No SegPref.Mesh.sln above {start}: pass --repo with a model repository folder.");
    }
}

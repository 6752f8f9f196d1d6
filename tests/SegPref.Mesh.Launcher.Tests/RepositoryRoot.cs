namespace SegPref.Mesh.Launcher.Tests;

/// <summary>The repository checkout the tests run from (the folder holding SegPref.Mesh.sln).</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Models => System.IO.Path.Combine(Path, "models");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "SegPref.Mesh.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No SegPref.Mesh.sln above the test binaries.");
    }
}

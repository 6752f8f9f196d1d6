namespace SegPref.Mesh.Launcher.Tests;

public sealed class MeshBinariesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mesh-binaries-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Locate_DllBesideTheTool_FindsIt()
    {
        var tool = Folder("out");
        var dll = Touch(Path.Combine(tool, "SegPref.Gateway.dll"));

        Assert.Equal(dll, MeshBinaries.Locate("SegPref.Gateway", "gateway", binRoot: null, environmentRoot: null, toolDirectory: tool));
    }

    [Fact]
    public void Locate_BinRootWithFolderPerProcess_FindsItAndIgnoresTheToolFolder()
    {
        var tool = Folder("out");
        Touch(Path.Combine(tool, "SegPref.Gateway.dll"));
        var bin = Folder("bin");
        var dll = Touch(Path.Combine(bin, "SegPref.Gateway", "SegPref.Gateway.dll"));

        Assert.Equal(dll, MeshBinaries.Locate("SegPref.Gateway", "gateway", bin, environmentRoot: null, toolDirectory: tool));
    }

    [Fact]
    public void Locate_EnvironmentRoot_ComesBeforeTheToolFolder()
    {
        var tool = Folder("out");
        Touch(Path.Combine(tool, "SegPref.Gateway.dll"));
        var env = Folder("env");
        var dll = Touch(Path.Combine(env, "SegPref.Gateway.dll"));

        Assert.Equal(dll, MeshBinaries.Locate("SegPref.Gateway", "gateway", binRoot: null, env, tool));
    }

    [Fact]
    public void Locate_NothingAnywhere_ListsEveryPlaceTried()
    {
        var tool = Folder("out");
        var env = Folder("env");

        var error = Assert.Throws<FileNotFoundException>(() => MeshBinaries.Locate("SegPref.Captioner.Service", "services", binRoot: null, env, tool));

        Assert.Contains("Looked in:", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(tool, "SegPref.Captioner.Service.dll"), error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(tool, "SegPref.Captioner.Service", "SegPref.Captioner.Service.dll"), error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(env, "SegPref.Captioner.Service.dll"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_MissingBinRoot_NamesOnlyThatFolder()
    {
        var bin = Path.Combine(_dir, "nowhere");

        var error = Assert.Throws<FileNotFoundException>(() => MeshBinaries.Locate("SegPref.Gateway", "gateway", bin, environmentRoot: null, toolDirectory: Folder("out")));

        Assert.Contains("--bin", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(bin, "SegPref.Gateway.dll"), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.Combine(_dir, "out"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_ToolInsideTheRepositoryBuild_FindsTheServiceBuildOutput()
    {
        // The configuration this test assembly was built in (bin/<configuration>/net10.0), which the gateway's build shares.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var tool = Path.Combine(RepositoryRoot.Path, "tools", "SegPref.Cli", "bin", configuration, "net10.0");

        var dll = MeshBinaries.Locate("SegPref.Gateway", "gateway", binRoot: null, environmentRoot: null, toolDirectory: tool);

        Assert.Equal(Path.Combine(RepositoryRoot.Path, "gateway", "SegPref.Gateway", "bin", configuration, "net10.0", "SegPref.Gateway.dll"), dll);
    }

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(_dir, name)).FullName;

    private static string Touch(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, []);
        return path;
    }
}

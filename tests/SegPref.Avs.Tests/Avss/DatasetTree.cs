namespace SegPref.Avs.Tests.Avss;

/// <summary>A throw-away folder tree for reader tests; readers only check existence, so files hold a placeholder.</summary>
internal sealed class DatasetTree : IDisposable
{
    public DatasetTree() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "segpref-avs-" + Guid.NewGuid().ToString("N"));

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string Write(string relative, string content = "x")
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Delete(string relative) => File.Delete(PathOf(relative));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

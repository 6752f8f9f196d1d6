using SegPref.Inference.Repository;

namespace SegPref.Inference.Export.Repository;

/// <summary>Writes one repository entry: its files and config.json into &lt;root&gt;/&lt;name&gt;/&lt;version&gt;/.</summary>
public static class EntryWriter
{
    /// <summary>Writes <paramref name="files"/> (file name -> bytes) and <paramref name="config"/>; returns the entry folder.</summary>
    /// <exception cref="ArgumentException">A bad name or version, or a file the config does not list.</exception>
    public static string Write(string root, ModelConfig config, IReadOnlyDictionary<string, byte[]> files)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(files);
        CheckSegment(config.Name, "name");
        CheckSegment(config.Version, "version");
        var listed = config.Files.Values.ToHashSet(StringComparer.Ordinal);
        var stray = files.Keys.FirstOrDefault(f => !listed.Contains(f));
        if (stray is not null)
        {
            throw new ArgumentException($"File '{stray}' is not listed in the config's files.", nameof(files));
        }

        var dir = Path.Combine(root, config.Name, config.Version);
        Directory.CreateDirectory(dir);
        foreach (var (file, bytes) in files)
        {
            File.WriteAllBytes(Path.Combine(dir, file), bytes);
        }

        config.Write(dir);
        return dir;
    }

    private static void CheckSegment(string value, string what)
    {
        if (string.IsNullOrWhiteSpace(value) || value.IndexOfAny(['/', '\\']) >= 0 || value is "." or "..")
        {
            throw new ArgumentException($"Model {what} '{value}' must be a single folder name.", what);
        }
    }
}

namespace SegPref.Avs.Avss;

/// <summary>Lists files named &lt;i&gt;.&lt;ext&gt; in a folder, ordered by the number i (so 10 sorts after 9).</summary>
internal static class NumberedFiles
{
    /// <summary>Index -> path for files with one of the extensions (case-insensitive); other files are ignored.</summary>
    /// <exception cref="InvalidDataException">A matching file whose name is not a non-negative integer, or two files with the same number.</exception>
    public static SortedDictionary<int, string> List(string folder, params string[] extensions)
    {
        var files = new SortedDictionary<int, string>();
        foreach (var path in Directory.EnumerateFiles(folder))
        {
            var ext = Path.GetExtension(path);
            if (!extensions.Any(e => e.Equals(ext, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var stem = Path.GetFileNameWithoutExtension(path);
            if (!int.TryParse(stem, System.Globalization.NumberStyles.None, null, out var index))
            {
                throw new InvalidDataException($"{path}: expected a file named <number>{ext}.");
            }

            if (!files.TryAdd(index, path))
            {
                throw new InvalidDataException($"{path}: frame {index} also exists as {files[index]}.");
            }
        }

        return files;
    }
}

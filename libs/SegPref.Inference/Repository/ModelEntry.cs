using System.Globalization;

namespace SegPref.Inference.Repository;

/// <summary>One version folder of a model repository with its validated config.</summary>
/// <param name="Dir">models/&lt;name&gt;/&lt;version&gt;.</param>
/// <param name="Config">Its config.json.</param>
public sealed record ModelEntry(string Dir, ModelConfig Config)
{
    /// <summary>
    /// Finds models/<paramref name="name"/>/<paramref name="version"/> under <paramref name="root"/> (the highest
    /// version when <paramref name="version"/> is null: numeric order when all are numbers, else ordinal) and reads it.
    /// </summary>
    /// <exception cref="InvalidDataException">No such model or version, or a bad config.json (also when its name or kind disagrees).</exception>
    public static ModelEntry Find(string root, string name, string? version, string expectedKind)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var modelDir = Path.Combine(root, name);
        if (!Directory.Exists(modelDir))
        {
            throw new InvalidDataException($"{modelDir}: model '{name}' not found in repository {root}.");
        }

        var chosen = version ?? Highest(modelDir)
            ?? throw new InvalidDataException($"{modelDir}: model '{name}' has no version folders.");
        var dir = Path.Combine(modelDir, chosen);
        if (!Directory.Exists(dir))
        {
            throw new InvalidDataException($"{dir}: version '{chosen}' of model '{name}' not found.");
        }

        var config = ModelConfig.Read(dir);
        if (config.Kind != expectedKind)
        {
            throw new InvalidDataException($"{Path.Combine(dir, ModelConfig.FileName)}: field 'kind' is '{config.Kind}', but a {expectedKind} was asked for.");
        }

        return new ModelEntry(dir, config);
    }

    /// <summary>
    /// The version a new entry of <paramref name="name"/> should take: one above its highest numeric version folder
    /// under <paramref name="root"/> ("1" when there is none).
    /// </summary>
    public static string NextVersion(string root, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var modelDir = Path.Combine(root, name);
        var highest = Directory.Exists(modelDir) ? Versions(modelDir).Select(NumericVersion).Max() ?? 0 : 0;
        return (highest + 1).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The version folders of <paramref name="name"/> in ascending order (numeric when all are numbers).</summary>
    /// <exception cref="InvalidDataException">No such model.</exception>
    public static IReadOnlyList<string> ListVersions(string root, string name)
    {
        var modelDir = Path.Combine(root, name);
        if (!Directory.Exists(modelDir))
        {
            throw new InvalidDataException($"{modelDir}: model '{name}' not found in repository {root}.");
        }

        var versions = Versions(modelDir);
        return versions.All(v => NumericVersion(v) is not null)
            ? [.. versions.OrderBy(v => NumericVersion(v))]
            : [.. versions.Order(StringComparer.Ordinal)];
    }

    private static string? Highest(string modelDir)
    {
        var versions = Versions(modelDir);
        if (versions.Count == 0)
        {
            return null;
        }

        return versions.All(v => NumericVersion(v) is not null)
            ? versions.MaxBy(v => NumericVersion(v))
            : versions.Max(StringComparer.Ordinal);
    }

    private static List<string> Versions(string modelDir) => [.. Directory.GetDirectories(modelDir).Select(Path.GetFileName).OfType<string>()];

    private static long? NumericVersion(string version) =>
        long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
}

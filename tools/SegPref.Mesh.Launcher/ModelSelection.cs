using SegPref.Inference.Repository;

namespace SegPref.Mesh.Launcher;

/// <summary>`--model ROLE=NAME[/VERSION]`: which model-repository entry the service of that role serves.</summary>
/// <param name="Role">captioner, cue-encoder, audio-encoder or segmenter.</param>
/// <param name="Name">Entry name under the repository (e.g. audio-only).</param>
/// <param name="Version">Version folder; null = the highest.</param>
public sealed record ModelSelection(string Role, string Name, string? Version)
{
    /// <summary>The service that serves each role.</summary>
    public static IReadOnlyDictionary<string, string> ServiceOfRole { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ModelKinds.Captioner] = "captioner",
        [ModelKinds.CueEncoder] = "textcues",
        [ModelKinds.AudioEncoder] = "audio",
        [ModelKinds.Segmenter] = "segmentation",
    };

    /// <summary>Parses ROLE=NAME or ROLE=NAME/VERSION.</summary>
    /// <exception cref="ArgumentException">Not of that form, or an unknown role.</exception>
    public static ModelSelection Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || eq == text.Length - 1)
        {
            throw new ArgumentException($"--model '{text}': expected ROLE=NAME or ROLE=NAME/VERSION, e.g. segmenter=audio-only or segmenter=teso/7.");
        }

        var role = text[..eq].Trim();
        if (!ServiceOfRole.ContainsKey(role))
        {
            throw new ArgumentException($"--model '{text}': unknown role '{role}'; roles are {string.Join(", ", ServiceOfRole.Keys)}.");
        }

        var entry = text[(eq + 1)..].Trim();
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        var (name, version) = slash < 0 ? (entry, null) : (entry[..slash], entry[(slash + 1)..]);
        if (name.Length == 0 || version is { Length: 0 })
        {
            throw new ArgumentException($"--model '{text}': expected ROLE=NAME or ROLE=NAME/VERSION.");
        }

        return new ModelSelection(role, name, version);
    }

    /// <summary>Checks that the entry exists in <paramref name="repository"/> and is a model of this role.</summary>
    /// <exception cref="ArgumentException">Missing entry or version, or a model of another kind.</exception>
    public void Check(string repository)
    {
        try
        {
            _ = ModelEntry.Find(repository, Name, Version, Role);
        }
        catch (InvalidDataException ex)
        {
            throw new ArgumentException($"--model {Role}={Name}{(Version is null ? string.Empty : "/" + Version)}: {ex.Message}", ex);
        }
    }
}

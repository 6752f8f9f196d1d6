using System.Globalization;

namespace SegPref.Inference.Repository;

/// <summary>
/// Which versions of a model a service loads, as Triton's version_policy: the latest N (default 1), all, or specific
/// versions. Written "latest", "latest:2", "all" or "specific:3,5".
/// </summary>
public sealed record VersionPolicy
{
    private VersionPolicy(string text, int latest, IReadOnlyList<string>? specific)
    {
        (Text, Latest, Specific) = (text, latest, specific);
    }

    /// <summary>The latest version only.</summary>
    public static VersionPolicy LatestOne { get; } = new("latest:1", 1, null);

    /// <summary>How many of the highest versions (0 = all, unless <see cref="Specific"/> is set).</summary>
    public int Latest { get; }

    /// <summary>Exactly these versions, or null.</summary>
    public IReadOnlyList<string>? Specific { get; }

    /// <summary>The policy as written.</summary>
    public string Text { get; }

    /// <summary>Parses "latest", "latest:N", "all" or "specific:V1,V2".</summary>
    /// <exception cref="ArgumentException">Any other text.</exception>
    public static VersionPolicy Parse(string? text)
    {
        var t = (text ?? "latest").Trim().ToLowerInvariant();
        if (t is "" or "latest")
        {
            return LatestOne;
        }

        if (t == "all")
        {
            return new VersionPolicy(t, 0, null);
        }

        if (t.StartsWith("latest:", StringComparison.Ordinal) && int.TryParse(t[7..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            return new VersionPolicy(t, n, null);
        }

        if (t.StartsWith("specific:", StringComparison.Ordinal))
        {
            var versions = t[9..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (versions.Length > 0)
            {
                return new VersionPolicy(t, 0, versions);
            }
        }

        throw new ArgumentException($"Version policy '{text}' is not one of latest, latest:N (N >= 1), all, specific:V1,V2.", nameof(text));
    }

    /// <summary>The versions this policy keeps out of <paramref name="available"/> (ascending).</summary>
    /// <exception cref="InvalidDataException">A specific version that does not exist, or nothing to serve.</exception>
    public IReadOnlyList<string> Select(string model, IReadOnlyList<string> available)
    {
        ArgumentNullException.ThrowIfNull(available);
        IReadOnlyList<string> chosen = Specific is not null ? Specific
            : Latest > 0 ? [.. available.Skip(Math.Max(0, available.Count - Latest))]
            : available;
        var missing = chosen.Where(v => !available.Contains(v, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"Model '{model}': version policy {Text} names version(s) {string.Join(", ", missing)}, but only {string.Join(", ", available)} exist.");
        }

        return chosen.Count > 0 ? chosen : throw new InvalidDataException($"Model '{model}': version policy {Text} selects no version (available: {string.Join(", ", available)}).");
    }
}

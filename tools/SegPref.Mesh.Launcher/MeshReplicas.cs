using System.Globalization;

namespace SegPref.Mesh.Launcher;

/// <summary>`--replicas segmentation=2,audio=2`: how many processes of each service the local mesh runs.</summary>
public static class MeshReplicas
{
    /// <summary>Most replicas of one service on one machine.</summary>
    public const int Max = 8;

    /// <summary>Parses NAME=COUNT entries, comma-separated or one per value; names are the services of <see cref="MeshServiceSpec.Services"/>.</summary>
    /// <exception cref="ArgumentException">Not NAME=COUNT, an unknown service, a count outside 1..<see cref="Max"/>, or a service named twice.</exception>
    public static IReadOnlyDictionary<string, int> Parse(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var known = MeshServiceSpec.Services.Select(s => s.Name).ToArray();
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            var eq = entry.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? entry[..eq].Trim() : string.Empty;
            if (eq <= 0 || !int.TryParse(entry[(eq + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                throw new ArgumentException($"--replicas '{entry}': expected SERVICE=COUNT, e.g. segmentation=2.");
            }

            if (!known.Contains(name, StringComparer.Ordinal))
            {
                throw new ArgumentException($"--replicas '{entry}': unknown service '{name}'; services are {string.Join(", ", known)}.");
            }

            if (count is < 1 or > Max)
            {
                throw new ArgumentException($"--replicas '{entry}': {count} is outside 1..{Max}.");
            }

            if (!result.TryAdd(name, count))
            {
                throw new ArgumentException($"--replicas: '{name}' is named twice.");
            }
        }

        return result;
    }
}

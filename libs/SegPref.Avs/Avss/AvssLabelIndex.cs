using System.Text.Json;

namespace SegPref.Avs.Avss;

/// <summary>Reads and checks label2idx.json: every one of the 71 AVSS names, each mapped to its 1-based position in <see cref="AvssClasses.Names"/>.</summary>
public static class AvssLabelIndex
{
    /// <summary>Reads the file and checks it against <see cref="AvssClasses"/>.</summary>
    /// <exception cref="InvalidDataException">Missing or malformed file, unknown name, wrong index or missing class; the message names the file.</exception>
    public static IReadOnlyDictionary<string, int> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: label index file not found.");
        }

        Dictionary<string, int>? map;
        try
        {
            map = JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: expected a JSON object of class name -> index: {ex.Message}", ex);
        }

        if (map is null)
        {
            throw new InvalidDataException($"{path}: expected a JSON object of class name -> index, got null.");
        }

        foreach (var (name, value) in map)
        {
            if (!AvssClasses.TryIndexOf(name, out var index))
            {
                throw new InvalidDataException($"{path}: '{name}' is not one of the 71 AVSS classes.");
            }

            if (value != index + 1)
            {
                throw new InvalidDataException($"{path}: '{name}' maps to {value}, expected {index + 1} (1..71 in AVSS class order).");
            }
        }

        var missing = AvssClasses.Names.Where(n => !map.ContainsKey(n)).ToList();
        return missing.Count == 0
            ? map
            : throw new InvalidDataException($"{path}: missing class(es) {string.Join(", ", missing)}.");
    }
}

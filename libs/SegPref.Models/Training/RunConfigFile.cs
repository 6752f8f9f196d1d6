using System.Text.Json;

namespace SegPref.Models.Training;

/// <summary>The config.json of a run folder: written indented, read with errors that name the file and the run kind.</summary>
internal static class RunConfigFile
{
    /// <summary>File name inside a run folder.</summary>
    public const string FileName = "config.json";

    /// <summary>How config.json is written and read.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new() { WriteIndented = true };

    public static void Write<T>(string runDir, T config)
    {
        Directory.CreateDirectory(runDir);
        File.WriteAllText(Path.Combine(runDir, FileName), JsonSerializer.Serialize(config, JsonOptions));
    }

    /// <summary>Reads and checks a config; <paramref name="problem"/> returns what is missing, or null when complete.</summary>
    /// <exception cref="FileNotFoundException">No config.json; the message says which command makes such a run.</exception>
    /// <exception cref="InvalidDataException">Malformed or incomplete config.json.</exception>
    public static T Read<T>(string runDir, string kind, string command, Func<T, string?> problem)
        where T : class
    {
        var path = Path.Combine(runDir, FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: {kind} config not found (is {runDir} a {command} run folder?).", path);
        }

        T? config;
        try
        {
            config = JsonSerializer.Deserialize<T>(File.ReadAllText(path), JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: malformed config.json: {ex.Message}", ex);
        }

        var missing = config is null ? "empty document" : problem(config);
        return missing is null ? config! : throw new InvalidDataException($"{path}: {missing}.");
    }
}

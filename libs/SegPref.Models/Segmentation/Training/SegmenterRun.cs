using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using SegPref.Models.Torch;

namespace SegPref.Models.Segmentation.Training;

/// <summary>
/// A segmenter run folder: segmenter.json (<see cref="SegmenterRunConfig"/>) and weights.bin (the best checkpoint on
/// val, TorchSharp format). Training also leaves last.bin, optimizer.bin and state.json there for resuming.
/// </summary>
public static class SegmenterRun
{
    /// <summary>Architecture and provenance.</summary>
    public const string ConfigFile = "segmenter.json";

    /// <summary>The best weights on val.</summary>
    public const string WeightsFile = "weights.bin";

    /// <summary>JSON options for segmenter.json (enums as names, indented).</summary>
    public static JsonSerializerOptions Json { get; } = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Writes segmenter.json.</summary>
    public static void WriteConfig(string runDir, SegmenterRunConfig config)
    {
        Directory.CreateDirectory(runDir);
        File.WriteAllText(Path.Combine(runDir, ConfigFile), JsonSerializer.Serialize(config, Json));
    }

    /// <summary>Reads segmenter.json.</summary>
    /// <exception cref="FileNotFoundException">No segmenter.json (not a <c>segpref train</c> run).</exception>
    /// <exception cref="InvalidDataException">Malformed or incomplete.</exception>
    public static SegmenterRunConfig ReadConfig(string runDir)
    {
        var path = Path.Combine(runDir, ConfigFile);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: not found (is {runDir} a `segpref train` run folder?).", path);
        }

        try
        {
            var config = JsonSerializer.Deserialize<SegmenterRunConfig>(File.ReadAllText(path), Json);
            if (config?.Options is null || config.Training is null || config.Encoders is null || string.IsNullOrEmpty(config.Kind))
            {
                throw new InvalidDataException($"{path}: kind, options, training and encoders are required.");
            }

            config.Options.Validate();
            return config;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
    }

    /// <summary>Rebuilds the segmenter of <paramref name="runDir"/> and loads <paramref name="weightsFile"/> into it (eval mode).</summary>
    /// <exception cref="FileNotFoundException">segmenter.json or the weights are missing.</exception>
    /// <exception cref="InvalidDataException">The weights do not fit the architecture.</exception>
    public static (Segmenter Model, SegmenterRunConfig Config) Load(string runDir, string weightsFile = WeightsFile)
    {
        var config = ReadConfig(runDir);
        var weights = Path.Combine(runDir, weightsFile);
        if (!File.Exists(weights))
        {
            throw new FileNotFoundException($"{weights}: segmenter weights not found.", weights);
        }

        TorchRuntime.EnsureInitialized();
        var model = Segmenter.Create(config.Kind, config.Options);
        try
        {
            model.load(weights, strict: true);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException or ExternalException)
        {
            model.Dispose();
            throw new InvalidDataException($"{weights}: does not fit {config.Kind} {config.Options}: {ex.Message}", ex);
        }

        model.eval();
        return (model, config);
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace SegPref.Models.Captioning;

/// <summary>A captioner run's config.json: the model shape, how it was trained, and where the vocabulary lives.</summary>
public sealed record CaptionerRunConfig
{
    /// <summary>The config file name inside a run folder.</summary>
    public const string FileName = "config.json";

    /// <summary>How config.json is written and read (camelCase names).</summary>
    internal static JsonSerializerOptions JsonOptions { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Always "captioner"; guards against loading another kind of run.</summary>
    public string Kind { get; init; } = "captioner";

    /// <summary>The model shape.</summary>
    public required CaptionerConfig Model { get; init; }

    /// <summary>The vocabulary file, relative to the run folder.</summary>
    public string VocabularyFile { get; init; } = "vocab.json";

    /// <summary>The weights file (TorchSharp format), relative to the run folder.</summary>
    public string WeightsFile { get; init; } = "captioner.weights";

    /// <summary>Training hyper-parameters (null for a run not made by the trainer).</summary>
    public CaptionerTrainingOptions? Training { get; init; }

    /// <summary>The dataset the run was trained on.</summary>
    public string? DataPath { get; init; }

    /// <summary>The command line that made the run.</summary>
    public string? CommandLine { get; init; }

    /// <summary>Writes <see cref="FileName"/> into <paramref name="runDir"/>.</summary>
    public void Save(string runDir) => File.WriteAllText(Path.Combine(runDir, FileName), JsonSerializer.Serialize(this, JsonOptions));

    /// <summary>Reads <see cref="FileName"/> from <paramref name="runDir"/>.</summary>
    /// <exception cref="InvalidDataException">Missing, malformed, or not a captioner config.</exception>
    public static CaptionerRunConfig Load(string runDir)
    {
        var path = Path.Combine(runDir, FileName);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: not found; is '{runDir}' a captioner run folder?");
        }

        CaptionerRunConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<CaptionerRunConfig>(File.ReadAllText(path), JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: malformed config: {ex.Message}", ex);
        }

        if (config is null || config.Kind != "captioner")
        {
            throw new InvalidDataException($"{path}: not a captioner run (kind '{config?.Kind}').");
        }

        return config;
    }
}

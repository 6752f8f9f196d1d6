using System.Text.Json;
using System.Text.Json.Serialization;

namespace SegPref.Models.Audio;

/// <summary>config.json of an audio-encoder run: what <see cref="AudioEncoderRun.Load"/> needs to rebuild the model, plus how it was trained.</summary>
/// <param name="Preset">VGGish preset name (paper or small).</param>
/// <param name="ClassIndices">AVSS class index of each head output.</param>
/// <param name="ClassNames">AVSS class name of each head output.</param>
/// <param name="Epochs">Epochs planned.</param>
/// <param name="Seed">Training seed.</param>
/// <param name="BatchSize">Examples per step.</param>
/// <param name="LearningRate">Peak AdamW learning rate.</param>
/// <param name="WeightDecay">AdamW weight decay.</param>
/// <param name="Augmentation">Augmentation used, in words.</param>
/// <param name="Data">Dataset root trained on.</param>
/// <param name="CommandLine">The command that produced the run.</param>
public sealed record AudioEncoderConfig(
    [property: JsonPropertyName("preset")] string Preset,
    [property: JsonPropertyName("class_indices")] int[] ClassIndices,
    [property: JsonPropertyName("class_names")] string[] ClassNames,
    [property: JsonPropertyName("epochs")] int Epochs,
    [property: JsonPropertyName("seed")] int Seed,
    [property: JsonPropertyName("batch_size")] int BatchSize,
    [property: JsonPropertyName("learning_rate")] double LearningRate,
    [property: JsonPropertyName("weight_decay")] double WeightDecay,
    [property: JsonPropertyName("augmentation")] string Augmentation,
    [property: JsonPropertyName("data")] string Data,
    [property: JsonPropertyName("command_line")] string CommandLine)
{
    /// <summary>File name inside a run folder.</summary>
    public const string FileName = "config.json";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>Writes config.json into <paramref name="runDir"/>.</summary>
    public void Write(string runDir)
    {
        Directory.CreateDirectory(runDir);
        File.WriteAllText(Path.Combine(runDir, FileName), JsonSerializer.Serialize(this, JsonOptions));
    }

    /// <summary>Reads config.json from <paramref name="runDir"/>.</summary>
    /// <exception cref="FileNotFoundException">No config.json.</exception>
    /// <exception cref="InvalidDataException">Malformed or incomplete config.json.</exception>
    public static AudioEncoderConfig Read(string runDir)
    {
        var path = Path.Combine(runDir, FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: audio encoder config not found (is {runDir} a train-audio run folder?).", path);
        }

        try
        {
            var config = JsonSerializer.Deserialize<AudioEncoderConfig>(File.ReadAllText(path), JsonOptions);
            if (config?.Preset is null || config.ClassIndices is not { Length: > 0 } || config.ClassNames?.Length != config.ClassIndices.Length)
            {
                throw new InvalidDataException($"{path}: missing preset or class list.");
            }

            return config;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: malformed config.json: {ex.Message}", ex);
        }
    }
}

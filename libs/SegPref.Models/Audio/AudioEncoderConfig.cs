using System.Text.Json.Serialization;
using SegPref.Models.Training;

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
    public const string FileName = RunConfigFile.FileName;

    /// <summary>Writes config.json into <paramref name="runDir"/>.</summary>
    public void Write(string runDir) => RunConfigFile.Write(runDir, this);

    /// <summary>Reads config.json from <paramref name="runDir"/>.</summary>
    /// <exception cref="FileNotFoundException">No config.json.</exception>
    /// <exception cref="InvalidDataException">Malformed or incomplete config.json.</exception>
    public static AudioEncoderConfig Read(string runDir) =>
        RunConfigFile.Read<AudioEncoderConfig>(runDir, "audio encoder", "train-audio", c => c.Preset is null || c.ClassIndices is not { Length: > 0 } || c.ClassNames?.Length != c.ClassIndices.Length ? "missing preset or class list" : null);
}

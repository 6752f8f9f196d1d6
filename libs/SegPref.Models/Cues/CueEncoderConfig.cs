using System.Text.Json.Serialization;
using SegPref.Models.Training;

namespace SegPref.Models.Cues;

/// <summary>config.json of a cue-encoder run: what <see cref="CueEncoderRun.Load"/> needs to rebuild the model, plus how it was trained.</summary>
/// <param name="Vocabulary">The trained words in index order.</param>
/// <param name="EmbeddingSize">Word embedding width.</param>
/// <param name="HiddenSize">MLP hidden width.</param>
/// <param name="OutputSize">D, the cue vector width.</param>
/// <param name="Options">Training hyper-parameters (the sizes above repeat its sizes).</param>
/// <param name="AudioRun">Full path of the frozen audio-encoder run trained against.</param>
/// <param name="AudioConfigSha256">SHA-256 (hex) of that run's config.json (of the state dict itself for imported torchvggish weights), to detect a replaced audio encoder.</param>
/// <param name="AudioSide">How audio meets the cues, in words.</param>
/// <param name="UnknownWords">What unknown words and padding map to, in words.</param>
/// <param name="Data">Dataset root trained on.</param>
/// <param name="CommandLine">The command that produced the run.</param>
public sealed record CueEncoderConfig(
    [property: JsonPropertyName("vocabulary")] string[] Vocabulary,
    [property: JsonPropertyName("embedding_size")] int EmbeddingSize,
    [property: JsonPropertyName("hidden_size")] int HiddenSize,
    [property: JsonPropertyName("output_size")] int OutputSize,
    [property: JsonPropertyName("options")] CueTrainingOptions Options,
    [property: JsonPropertyName("audio_run")] string AudioRun,
    [property: JsonPropertyName("audio_config_sha256")] string AudioConfigSha256,
    [property: JsonPropertyName("audio_side")] string AudioSide,
    [property: JsonPropertyName("unknown_words")] string UnknownWords,
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
    public static CueEncoderConfig Read(string runDir) =>
        RunConfigFile.Read<CueEncoderConfig>(runDir, "cue encoder", "train-cues", c => c.Vocabulary is not { Length: > 0 } || c.EmbeddingSize <= 0 || c.HiddenSize <= 0 || c.OutputSize <= 0 ? "missing vocabulary or model sizes" : null);
}

using System.Diagnostics;
using System.Security.Cryptography;
using SegPref.Avs.Avss;
using SegPref.Avs.Data;
using SegPref.Models.Audio;
using SegPref.Models.Training;

namespace SegPref.Models.Cues;

/// <summary>
/// The whole train-cues run: frozen audio embeddings of train/val/test once, InfoNCE training of the cue encoder
/// (resumable), test retrieval, and the run folder (weights.bin, config.json, metrics.json, curves.png, and the training
/// state last.bin, optimizer.bin, state.json).
/// </summary>
public static class CueEncoderTraining
{
    /// <summary>How audio meets the cues, recorded in config.json (see <see cref="CueAudioSet"/> for why).</summary>
    public const string AudioSide = "L2-normalised frozen VGGish embeddings, no projection; single-source seconds only";

    /// <summary>What padding and unknown words map to, recorded in config.json (see <see cref="CueEncoder"/>).</summary>
    public const string UnknownWords = "None/padding -> zero vector, valid=false; unknown word -> zero vector, valid=true";

    /// <summary>Runs everything and writes the run folder <paramref name="runDir"/>.</summary>
    /// <param name="dataDir">AVS-Synth root.</param>
    /// <param name="audioRunDir">The frozen audio encoder: a train-audio run folder or a torchvggish-layout state dict.</param>
    /// <param name="runDir">Output folder.</param>
    /// <param name="options">Hyper-parameters; OutputSize must equal the audio embedding width.</param>
    /// <param name="commandLine">Recorded in config.json.</param>
    /// <param name="resume">Continue the interrupted run in <paramref name="runDir"/> (same settings).</param>
    /// <param name="stages">Gets (stage, clips done, clips total) while audio is embedded.</param>
    /// <param name="epochs">Gets each finished epoch.</param>
    /// <param name="cancellationToken">Stops training between steps (the report then has a stop reason and no test figures).</param>
    /// <exception cref="InvalidDataException">The dataset or audio run is malformed, or a split has no single-source second.</exception>
    /// <exception cref="ArgumentException">The run folder holds a run and <paramref name="resume"/> is false, or a resume with other settings.</exception>
    /// <exception cref="NonFiniteLossException">The loss became NaN or infinite (the run folder keeps the last completed epoch).</exception>
    public static CueTrainingReport Run(
        string dataDir, string audioRunDir, string runDir, CueTrainingOptions options, string commandLine, bool resume = false,
        IProgress<(string Stage, int Done, int Total)>? stages = null, IProgress<CueEpochProgress>? epochs = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        TrainingRunFolder.CheckStart(runDir, resume, CueEncoderRun.WeightsFile);
        var clock = Stopwatch.StartNew();
        AvsData.RequireSynthLabels(dataDir, "train-cues (cue words paired with the sounds they name)", "train it on AVS-Synth against the audio encoder you use on real data (`segpref train-cues --audio FILE.pth`, docs/avsbench.md)");
        var dataset = AvssDataset.Open(dataDir);
        var vocabulary = CueVocabulary.AvssSoundCapable;
        CueAudioSet train, val, test;
        using (var audio = AudioEncoderRun.Load(audioRunDir))
        {
            train = Require(CueAudioData.Load(dataset, "train", audio, vocabulary, stages), dataDir, "train");
            val = Require(CueAudioData.Load(dataset, "val", audio, vocabulary, stages), dataDir, "val");
            test = Require(CueAudioData.Load(dataset, "test", audio, vocabulary, stages), dataDir, "test");
        }

        if (train.Width != options.OutputSize)
        {
            throw new InvalidDataException($"{audioRunDir}: audio embeddings are {train.Width}-wide but the cue encoder outputs {options.OutputSize}.");
        }

        var audioSeconds = clock.Elapsed.TotalSeconds;
        var config = new CueEncoderConfig(
            [.. vocabulary.Words], options.EmbeddingSize, options.HiddenSize, options.OutputSize, options,
            Path.GetFullPath(audioRunDir), AudioConfigHash(audioRunDir), AudioSide, UnknownWords, Path.GetFullPath(dataDir), commandLine);
        TrainingRunFolder.CheckSettings(runDir, () => CueEncoderConfig.Read(runDir), config, RunConfigFile.JsonOptions, "data", "command_line");
        config.Write(runDir);

        var result = CueEncoderTrainer.Train(train, val, vocabulary, options, runDir, epochs, cancellationToken);
        using var model = result.Model;
        var trainSeconds = clock.Elapsed.TotalSeconds - audioSeconds;
        var testScores = result.StopReason is null ? CueRetrieval.Score(model.WordVectors(), vocabulary.Count, test) : null;
        var report = new CueTrainingReport(
            testScores, train.Count, train.SkippedSeconds, train.Labels.Distinct().Count(), result.BestEpoch, result.Steps,
            result.History.Rows is [.., var last] ? last["train_loss"] : double.NaN, audioSeconds, trainSeconds, clock.Elapsed.TotalSeconds, result.StopReason);
        if (testScores is not null)
        {
            result.History.WriteJson(runDir, report.ToFinal());
        }

        return report;
    }

    /// <summary>SHA-256 (lower-case hex) of an audio run's config.json, or of the state dict itself when the audio encoder is imported weights (.pth, .safetensors).</summary>
    public static string AudioConfigHash(string audioRunDir)
    {
        using var stream = File.OpenRead(AudioEncoderRun.IsWeightsFile(audioRunDir) ? audioRunDir : Path.Combine(audioRunDir, AudioEncoderConfig.FileName));
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static CueAudioSet Require(CueAudioSet set, string dataDir, string split) =>
        set.Count > 0 ? set : throw new InvalidDataException($"{dataDir}: the '{split}' split has no second with exactly one sounding class.");
}

using System.Diagnostics;
using SegPref.Avs.Avss;
using SegPref.Avs.Data;
using SegPref.Media.Audio;
using SegPref.Models.Training;

namespace SegPref.Models.Audio;

/// <summary>
/// The whole train-audio run on an AVS-Synth folder: log-mel of train/val/test once, tagging pre-training (resumable),
/// test mAP clean and with white noise at -10 dB SNR, and the run folder (weights.bin, config.json, metrics.json,
/// curves.png, and the training state last.bin, optimizer.bin, state.json).
/// </summary>
public static class AudioPretraining
{
    /// <summary>The noisy test condition reported next to the clean one.</summary>
    public const string NoisyTest = "wgn-10";

    /// <summary>Seed of the test-time noise (per clip it is offset by the clip's position).</summary>
    public const int NoiseSeed = 1234;

    /// <summary>Runs everything and writes the run folder <paramref name="runDir"/>.</summary>
    /// <param name="dataDir">AVS-Synth root (metadata.csv, label2idx.json, clips with synth.json).</param>
    /// <param name="runDir">Output folder.</param>
    /// <param name="options">Hyper-parameters.</param>
    /// <param name="commandLine">Recorded in config.json.</param>
    /// <param name="resume">Continue the interrupted run in <paramref name="runDir"/> (same settings).</param>
    /// <param name="stages">Gets (stage, clips done, clips total) while log-mel is computed.</param>
    /// <param name="epochs">Gets each finished epoch.</param>
    /// <param name="cancellationToken">Stops training between steps (the report then has a stop reason and no test figures).</param>
    /// <exception cref="InvalidDataException">The dataset is malformed, a split is empty, or no class ever sounds in train.</exception>
    /// <exception cref="ArgumentException">The run folder holds a run and <paramref name="resume"/> is false, or a resume with other settings.</exception>
    /// <exception cref="NonFiniteLossException">The loss became NaN or infinite (the run folder keeps the last completed epoch).</exception>
    public static AudioPretrainingReport Run(
        string dataDir, string runDir, AudioTrainingOptions options, string commandLine, bool resume = false,
        IProgress<(string Stage, int Done, int Total)>? stages = null, IProgress<AudioTrainingProgress>? epochs = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        TrainingRunFolder.CheckStart(runDir, resume, AudioEncoderRun.WeightsFile);
        var clock = Stopwatch.StartNew();
        AvsData.RequireSynthLabels(dataDir, "train-audio (per-second sound tags)", "import torchvggish's published VGGish instead: `segpref train --vggish-weights vggish-10086976.pth` (docs/avsbench.md)");
        var dataset = AvssDataset.Open(dataDir);
        var trainClips = LoadSplit(dataset, "train", AudioPerturbation.Normal, stages);
        var classes = AudioTaggingSet.SoundingClasses(trainClips);
        if (classes.Count == 0)
        {
            throw new InvalidDataException($"{dataDir}: no sounding class in the train split's synth.json files.");
        }

        var train = AudioTaggingSet.Build(trainClips, classes);
        var val = AudioTaggingSet.Build(LoadSplit(dataset, "val", AudioPerturbation.Normal, stages), classes);
        var featureSeconds = clock.Elapsed.TotalSeconds;

        var config = new AudioEncoderConfig(
            options.Preset.Name, [.. classes], [.. classes.Select(c => AvssClasses.Names[c])], options.Epochs, options.Seed,
            options.BatchSize, options.LearningRate, options.WeightDecay,
            options.Augment ? "random gain ±6 dB; p=0.5 white noise at 10-30 dB SNR (mel domain)" : "none",
            Path.GetFullPath(dataDir), commandLine);
        TrainingRunFolder.CheckSettings(runDir, () => AudioEncoderConfig.Read(runDir), config, RunConfigFile.JsonOptions, "data", "command_line");
        config.Write(runDir);

        var result = AudioTrainer.Train(train, val, options, runDir, epochs, cancellationToken);
        using var model = result.Model;
        var trainSeconds = clock.Elapsed.TotalSeconds - featureSeconds;
        if (result.StopReason is not null)
        {
            return Report(double.NaN, double.NaN, result, train, classes.Count, featureSeconds, trainSeconds, clock);
        }

        var testMap = TestMap(dataset, model, classes, AudioPerturbation.Normal, stages);
        var noisyMap = TestMap(dataset, model, classes, NoisyTest, stages);
        var report = Report(testMap, noisyMap, result, train, classes.Count, featureSeconds, trainSeconds, clock);
        result.History.WriteJson(runDir, report.ToFinal());
        return report;
    }

    private static AudioPretrainingReport Report(
        double testMap, double noisyMap, AudioTrainingResult result, AudioTaggingSet train, int classes, double featureSeconds, double trainSeconds, Stopwatch clock) =>
        new(testMap, noisyMap, result.BestEpoch, result.BestValMap, train.Count, classes, featureSeconds, trainSeconds, clock.Elapsed.TotalSeconds,
            Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, result.StopReason);

    private static double TestMap(AvssDataset dataset, AudioTagger model, IReadOnlyList<int> classes, string perturbation, IProgress<(string, int, int)>? stages)
    {
        var test = AudioTaggingSet.Build(LoadSplit(dataset, "test", perturbation, stages), classes);
        return TaggerScoring.MeanAveragePrecision(model, test);
    }

    private static IReadOnlyList<TaggedClip> LoadSplit(AvssDataset dataset, string split, string perturbation, IProgress<(string, int, int)>? stages)
    {
        var total = dataset.Rows.Count(r => r.Split == split);
        if (total == 0)
        {
            throw new InvalidDataException($"{dataset.Root}: the '{split}' split has no clips.");
        }

        var stage = perturbation == AudioPerturbation.Normal ? $"log-mel {split}" : $"log-mel {split} ({perturbation})";
        var progress = stages is null ? null : new SyncProgress<int>(done => stages.Report((stage, done, total)));
        return AudioTaggingData.Load(dataset, split, perturbation, NoiseSeed, progress);
    }
}

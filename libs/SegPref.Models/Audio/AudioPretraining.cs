using System.Diagnostics;
using SegPref.Avs.Avss;
using SegPref.Media.Audio;

namespace SegPref.Models.Audio;

/// <summary>
/// The whole train-audio run on an AVS-Synth folder: log-mel of train/val/test once, tagging pre-training, test mAP
/// clean and with white noise at -10 dB SNR, and the run folder (weights.bin, config.json, metrics.json, curves.png).
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
    /// <param name="stages">Gets (stage, clips done, clips total) while log-mel is computed.</param>
    /// <param name="epochs">Gets each finished epoch.</param>
    /// <param name="cancellationToken">Stops training between steps.</param>
    /// <exception cref="InvalidDataException">The dataset is malformed, a split is empty, or no class ever sounds in train.</exception>
    public static AudioPretrainingReport Run(
        string dataDir, string runDir, AudioTrainingOptions options, string commandLine,
        IProgress<(string Stage, int Done, int Total)>? stages = null, IProgress<AudioTrainingProgress>? epochs = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var clock = Stopwatch.StartNew();
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

        var result = AudioTrainer.Train(train, val, options, epochs, cancellationToken);
        using var model = result.Model;
        var trainSeconds = clock.Elapsed.TotalSeconds - featureSeconds;
        var config = new AudioEncoderConfig(
            options.Preset.Name, [.. classes], [.. classes.Select(c => AvssClasses.Names[c])], options.Epochs, options.Seed,
            options.BatchSize, options.LearningRate, options.WeightDecay,
            options.Augment ? "random gain ±6 dB; p=0.5 white noise at 10-30 dB SNR (mel domain)" : "none",
            Path.GetFullPath(dataDir), commandLine);
        AudioEncoderRun.Save(model, config, runDir);

        var testMap = TestMap(dataset, model, classes, AudioPerturbation.Normal, stages);
        var noisyMap = TestMap(dataset, model, classes, NoisyTest, stages);
        var report = new AudioPretrainingReport(
            testMap, noisyMap, result.BestEpoch, result.BestValMap, train.Count, classes.Count,
            featureSeconds, trainSeconds, clock.Elapsed.TotalSeconds, Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, result.StopReason);
        result.History.WriteJson(runDir, report.ToFinal());
        result.History.WriteCurves(runDir, $"VGGish ({options.Preset.Name}) audio tagging", "train_loss", "val_map");
        return report;
    }

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

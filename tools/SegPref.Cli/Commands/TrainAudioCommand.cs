using System.CommandLine;
using SegPref.Cli.Infrastructure;
using SegPref.Models.Audio;
using Spectre.Console;

namespace SegPref.Cli.Commands;

/// <summary>`segpref train-audio`: pre-trains the VGGish audio encoder on AVS-Synth per-second sound tagging.</summary>
internal static class TrainAudioCommand
{
    public static Command Create(CliEnvironment env)
    {
        var data = new Option<string>("--data") { Description = "AVS-Synth root (metadata.csv, clips with synth.json).", Required = true };
        var output = new Option<string>("--out") { Description = "Run folder: weights.bin, config.json, metrics.json, curves.png (+ last.bin, optimizer.bin, state.json for --resume).", Required = true };
        var preset = new Option<string>("--preset") { Description = "small (2 CPU cores, minutes) or paper (the published VGGish widths).", DefaultValueFactory = _ => "small" };
        preset.AcceptOnlyFromAmong("small", "paper");
        var defaults = new AudioTrainingOptions(VggishPreset.Small);
        var epochs = new Option<int>("--epochs") { Description = "Epochs.", DefaultValueFactory = _ => defaults.Epochs };
        var seed = new Option<int>("--seed") { Description = "Seed (init, shuffling, augmentation).", DefaultValueFactory = _ => defaults.Seed };
        var batch = new Option<int>("--batch") { Description = "Examples (clip seconds) per step.", DefaultValueFactory = _ => defaults.BatchSize };
        var lr = new Option<double>("--lr") { Description = "Peak AdamW learning rate.", DefaultValueFactory = _ => defaults.LearningRate };
        var noAugment = new Option<bool>("--no-augment") { Description = "Disable random gain and light noise." };
        var resume = new Option<bool>("--resume") { Description = "Continue an interrupted run in --out (same settings)." };
        var threads = new Option<int>("--threads") { Description = "Torch CPU threads (0 = all cores; use 1 when other jobs share the cores).", DefaultValueFactory = _ => 0 };
        var command = new Command("train-audio", "Pre-train the VGGish audio encoder on AVS-Synth (multi-label tagging of the sounding classes per second).")
        {
            data, output, preset, epochs, seed, batch, lr, noAugment, resume, threads,
        };
        command.SetAction((result, ct) => CommandErrors.Run(env, () =>
        {
            CliTorch.SetThreads(result.GetValue(threads));
            var options = new AudioTrainingOptions(
                VggishPreset.FromName(result.GetValue(preset)!), result.GetValue(epochs), result.GetValue(seed), result.GetValue(batch),
                result.GetValue(lr), Augment: !result.GetValue(noAugment));
            var commandLine = "segpref " + string.Join(' ', result.Tokens.Select(t => t.Value));
            var runDir = result.GetRequiredValue(output);
            var report = AudioPretraining.Run(
                result.GetRequiredValue(data), runDir, options, commandLine, result.GetValue(resume), StageLines(env), EpochLines(env), ct);
            if (report.StopReason is { } reason)
            {
                return TrainingStop.Report(env, reason, runDir);
            }

            RunReportTable.Print(env, report.ToFinal(), runDir);
            return 0;
        }));
        return command;
    }

    // Plain lines rather than a live bar: training runs for minutes and its output usually goes to a log.
    private static SynchronousProgress<(string Stage, int Done, int Total)> StageLines(CliEnvironment env)
    {
        var lastDecile = new Dictionary<string, int>(StringComparer.Ordinal);
        return new(p =>
        {
            var decile = p.Done * 10 / p.Total;
            if (lastDecile.GetValueOrDefault(p.Stage, -1) < decile && (decile % 5 == 0 || p.Done == p.Total))
            {
                lastDecile[p.Stage] = decile;
                env.Console.MarkupLineInterpolated($"{p.Stage}: {p.Done}/{p.Total} clips");
            }
        });
    }

    private static SynchronousProgress<AudioTrainingProgress> EpochLines(CliEnvironment env) => new(p =>
        env.Console.MarkupLineInterpolated(
            $"epoch {p.Epoch}/{p.Epochs}: train loss {p.TrainLoss:0.0000}, val mAP {p.ValMap:0.0000}{(p.IsBest ? " (best)" : "")}, {p.Elapsed.TotalSeconds:0} s"));
}

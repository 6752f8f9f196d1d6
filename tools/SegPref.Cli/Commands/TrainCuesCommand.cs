using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SegPref.Cli.Infrastructure;
using SegPref.Models.Cues;
using Spectre.Console;

namespace SegPref.Cli.Commands;

/// <summary>`segpref train-cues`: trains the cue encoder contrastively against a frozen train-audio encoder.</summary>
internal static class TrainCuesCommand
{
    public static Command Create(CliEnvironment env)
    {
        var data = new Option<string>("--data") { Description = "AVS-Synth root (metadata.csv, clips with synth.json).", Required = true };
        var audio = new Option<string>("--audio") { Description = "The frozen audio encoder: a train-audio run folder, or a torchvggish state dict (.pth or .safetensors, as train --vggish-weights).", Required = true };
        var output = new Option<string>("--out") { Description = "Run folder: weights.bin, config.json, metrics.json, curves.png (+ last.bin, optimizer.bin, state.json for --resume).", Required = true };
        var defaults = new CueTrainingOptions();
        var epochs = new Option<int>("--epochs") { Description = "Epochs.", DefaultValueFactory = _ => defaults.Epochs };
        var seed = new Option<int>("--seed") { Description = "Seed (initialisation, shuffling).", DefaultValueFactory = _ => defaults.Seed };
        var batch = new Option<int>("--batch") { Description = "Audio seconds per step.", DefaultValueFactory = _ => defaults.BatchSize };
        var lr = new Option<double>("--lr") { Description = "Peak AdamW learning rate.", DefaultValueFactory = _ => defaults.LearningRate };
        var temperature = new Option<double>("--temperature") { Description = "InfoNCE temperature.", DefaultValueFactory = _ => defaults.Temperature };
        var resume = new Option<bool>("--resume") { Description = "Continue an interrupted run in --out (same settings)." };
        var threads = new Option<int>("--threads") { Description = "Torch CPU threads (0 = all cores; use 1 when other jobs share the cores).", DefaultValueFactory = _ => 0 };
        var command = new Command("train-cues", "Train the cue encoder (cue word -> vector in the frozen audio embedding space, symmetric InfoNCE).")
        {
            data, audio, output, epochs, seed, batch, lr, temperature, resume, threads,
        };
        command.SetAction((result, ct) => CommandErrors.Run(env, () =>
        {
            CliTorch.SetThreads(result.GetValue(threads));
            var options = defaults with
            {
                Epochs = result.GetValue(epochs), Seed = result.GetValue(seed), BatchSize = result.GetValue(batch),
                LearningRate = result.GetValue(lr), Temperature = result.GetValue(temperature),
            };
            var commandLine = "segpref " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1));
            var runDir = result.GetRequiredValue(output);
            var report = CueEncoderTraining.Run(
                result.GetRequiredValue(data), result.GetRequiredValue(audio), runDir, options, commandLine, result.GetValue(resume), StageLines(env), EpochLines(env), ct);
            if (report.StopReason is { } reason)
            {
                return TrainingStop.Report(env, reason, runDir);
            }

            RunReportTable.Print(env, report.ToFinal(), runDir);
            return 0;
        }));
        return command;
    }

    private static SynchronousProgress<(string Stage, int Done, int Total)> StageLines(CliEnvironment env)
    {
        var clock = Stopwatch.StartNew();
        return new(p =>
        {
            if (p.Done == p.Total)
            {
                env.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.Stage}: {p.Done}/{p.Total} clips ({clock.Elapsed.TotalSeconds:0.0} s)"));
            }
        });
    }

    private static SynchronousProgress<CueEpochProgress> EpochLines(CliEnvironment env) => new(p =>
        env.Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"epoch {p.Epoch}/{p.Epochs}: loss {p.TrainLoss:0.0000}, val a->t top-1 {p.Val?.AudioToTextTop1:0.000}, t->a R-prec {p.Val?.TextToAudioRPrecision:0.000} ({p.Elapsed.TotalSeconds:0.0} s)")));
}

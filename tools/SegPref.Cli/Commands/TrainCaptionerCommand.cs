using System.CommandLine;
using SegPref.Cli.Infrastructure;
using SegPref.Models.Captioning;
using Spectre.Console;

namespace SegPref.Cli.Commands;

/// <summary>`segpref train-captioner`: trains the scene captioner on an AVS-Synth dataset and scores it on test.</summary>
internal static class TrainCaptionerCommand
{
    public static Command Create(CliEnvironment env)
    {
        var data = new Option<string>("--data") { Description = "AVS-Synth dataset root (AVSS layout with synth.json).", Required = true };
        var output = new Option<string>("--out") { Description = "Run folder to create (e.g. runs/captioner).", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs.", DefaultValueFactory = _ => new CaptionerTrainingOptions().Epochs };
        var seed = new Option<int>("--seed") { Description = "Seed (weights, dropout, shuffling).", DefaultValueFactory = _ => new CaptionerTrainingOptions().Seed };
        var batch = new Option<int>("--batch") { Description = "Frames per step.", DefaultValueFactory = _ => new CaptionerTrainingOptions().BatchSize };
        var size = new Option<int>("--size") { Description = "Model input size in pixels (multiple of 16).", DefaultValueFactory = _ => new CaptionerConfig().ImageSize };
        var flip = new Option<double>("--flip") { Description = "Probability of mirroring a training frame (with left/right swapped in its description); 0 = off.", DefaultValueFactory = _ => new CaptionerTrainingOptions().FlipProbability };
        var width = new Option<int>("--encoder-width") { Description = "Channels of the image encoder's first conv block.", DefaultValueFactory = _ => new CaptionerConfig().EncoderWidth };
        var threads = new Option<int>("--threads") { Description = "CPU threads for torch.", DefaultValueFactory = _ => new CaptionerTrainingOptions().Threads };
        var maxFrames = new Option<int?>("--max-frames") { Description = "Use at most this many frames per split (quick runs)." };
        var resume = new Option<bool>("--resume") { Description = "Continue an interrupted run in --out (same settings; --threads may differ)." };
        var command = new Command("train-captioner", "Train the scene captioner on AVS-Synth frame descriptions; writes weights, config.json, vocab.json, metrics.json, curves.png (resumable).")
        {
            data, output, epochs, seed, batch, size, flip, width, threads, maxFrames, resume,
        };
        command.SetAction((result, ct) => CommandErrors.Run(env, () =>
        {
            var options = new CaptionerTrainingOptions
            {
                Epochs = result.GetValue(epochs),
                Seed = result.GetValue(seed),
                BatchSize = result.GetValue(batch),
                MaxFramesPerSplit = result.GetValue(maxFrames),
                FlipProbability = result.GetValue(flip),
                Threads = result.GetValue(threads),
            };
            var model = new CaptionerConfig { ImageSize = result.GetValue(size), EncoderWidth = result.GetValue(width) };
            var commandLine = "segpref " + string.Join(' ', result.Tokens.Select(t => t.Value));
            var progress = new SynchronousProgress<CaptionerEpochReport>(r => env.Console.MarkupLineInterpolated(
                $"epoch {r.Epoch}/{r.Epochs}  train loss {r.TrainLoss:0.0000}  val loss {r.ValLoss:0.0000}  val BLEU-4 {r.ValScores.Bleu4:0.0000}  recall {r.ValScores.Objects.Recall:0.000}  precision {r.ValScores.Objects.Precision:0.000}  {r.Seconds:0}s{(r.Best ? "  (best)" : string.Empty)}"));
            var outcome = CaptionerTrainer.Train(result.GetRequiredValue(data), result.GetRequiredValue(output), options, model, commandLine, progress, result.GetValue(resume), ct);
            if (outcome.TestGreedy is null || outcome.TestBeam is null)
            {
                return TrainingStop.Report(env, outcome.StopReason ?? "cancelled", outcome.RunDir);
            }

            var table = new Table().AddColumns("test decoding", "BLEU-4", "object recall", "object precision");
            table.AddRow("greedy", $"{outcome.TestGreedy.Bleu4:0.0000}", $"{outcome.TestGreedy.Objects.Recall:0.0000}", $"{outcome.TestGreedy.Objects.Precision:0.0000}");
            table.AddRow($"beam {options.TestBeamWidth}", $"{outcome.TestBeam.Bleu4:0.0000}", $"{outcome.TestBeam.Objects.Recall:0.0000}", $"{outcome.TestBeam.Objects.Precision:0.0000}");
            env.Console.Write(table);
            env.Console.MarkupLineInterpolated($"best epoch {outcome.BestEpoch}, training wall time {outcome.TrainSeconds:0}s; run written to {outcome.RunDir}");
            return 0;
        }));
        return command;
    }
}

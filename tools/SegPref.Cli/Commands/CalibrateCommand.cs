using System.CommandLine;
using System.Globalization;
using SegPref.Cli.Infrastructure;
using SegPref.Models.Segmentation;
using SegPref.Models.Segmentation.Training;
using SegPref.Models.Training;
using Spectre.Console;

namespace SegPref.Cli.Commands;

/// <summary>`segpref calibrate`: picks TeSO's dynamic-mask margin on val and writes it into the run's weights.bin.</summary>
internal static class CalibrateCommand
{
    public static Command Create(CliEnvironment env)
    {
        var data = new DataOptions();
        var run = new Option<string>("--run") { Description = "A TeSO `segpref train` run folder (its weights.bin is updated).", Required = true };
        var cache = new Option<string?>("--cache") { Description = "Encoder-output cache (default DATA/.segpref-cache; 'none' disables)." };
        var threads = new Option<int>("--threads") { Description = "Torch CPU threads (0 = all cores).", DefaultValueFactory = _ => 1 };
        var command = new Command("calibrate", "Choose SeDAM's margin on the val split (normal audio; muted audio stays fully masked for any margin > 0).")
        {
            run, cache, threads,
        };
        data.AddTo(command);
        command.SetAction((result, ct) => CommandErrors.Run(env, () =>
        {
            CliTorch.SetThreads(result.GetValue(threads));
            var dataDir = data.Root(result);
            var runDir = result.GetRequiredValue(run);
            MarginCalibration calibration;
            SegmenterRunConfig config;
            using (var context = EvaluationContext.Open(dataDir, runDir, TrainCommand.CacheFolder(result.GetValue(cache), dataDir), stages: StageLines.Create(env), format: data.ReadFormat(result)))
            {
                if (context.Model is not TesoSegmenter teso || context.Config.Options.DynamicMask != DynamicMaskMode.Calibrated)
                {
                    throw new ArgumentException($"{runDir}: only TeSO runs with the calibrated dynamic mask have a margin to choose.");
                }

                calibration = MarginCalibrator.Calibrate(teso, context.Split("val"), new SynchronousProgress<MarginTrial>(t =>
                    env.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"margin {t.Margin:0.0000}: val mIoU {t.ValMIoU:0.0000}, silent frames {t.SilentFrames:0.000}"))),
                    context.Config.Calibration?.LearnedMargin);
                WeightsFile.Save(teso, Path.Combine(runDir, SegmenterRun.WeightsFile));
                config = context.Config with { Calibration = calibration };
            }

            SegmenterRun.WriteConfig(runDir, config);
            env.Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"margin {calibration.LearnedMargin:0.0000} -> {calibration.Margin:0.0000}: val mIoU {calibration.ValMIoUBefore:0.0000} -> {calibration.ValMIoU:0.0000} (written to {Path.Combine(runDir, SegmenterRun.WeightsFile)})"));
            return 0;
        }));
        return command;
    }
}

using System.CommandLine;
using System.Globalization;
using SegPref.Avs.Evaluation;
using SegPref.Cli.Infrastructure;
using SegPref.Media.Charts;
using SegPref.Models.Segmentation;
using SegPref.Models.Segmentation.Training;
using SegPref.Models.Training;
using Spectre.Console;

namespace SegPref.Cli.Commands;

/// <summary>`segpref calibrate`: picks TeSO's dynamic-mask keep threshold (or the calibrated ablation's margin) on val and records it in the run.</summary>
internal static class CalibrateCommand
{
    public static Command Create(CliEnvironment env)
    {
        var data = new DataOptions();
        var run = new Option<string>("--run") { Description = "A TeSO `segpref train` run folder (segmenter.json gets the keep threshold; the calibrated ablation: weights.bin gets the margin).", Required = true };
        var cache = new Option<string?>("--cache") { Description = "Encoder-output cache (default DATA/.segpref-cache; 'none' disables)." };
        var threads = new Option<int>("--threads") { Description = "Torch CPU threads (0 = all cores).", DefaultValueFactory = _ => 1 };
        var command = new Command("calibrate", "Choose TeSO's dynamic-mask operating point on the val split: the keep threshold on the relevance logits (paper and peak masks; the mean of J with the clips' own audio and the blank share under their noise floor alone), or the margin of the calibrated ablation.")
        {
            run, cache, threads,
        };
        data.AddTo(command);
        command.SetAction((result, ct) => CommandErrors.Run(env, () =>
        {
            CliTorch.SetThreads(result.GetValue(threads));
            var dataDir = data.Root(result);
            var runDir = result.GetRequiredValue(run);
            using var context = EvaluationContext.Open(dataDir, runDir, TrainCommand.CacheFolder(result.GetValue(cache), dataDir), stages: StageLines.Create(env), format: data.ReadFormat(result));
            if (context.Model is not TesoSegmenter teso || context.Config.Options.DynamicMask == DynamicMaskMode.Off)
            {
                throw new ArgumentException($"{runDir}: only TeSO runs with a dynamic mask have a margin or a keep threshold to choose.");
            }

            if (context.Config.Options.DynamicMask == DynamicMaskMode.Calibrated)
            {
                CalibrateMargin(env, context, teso, runDir);
            }
            else
            {
                CalibrateKeep(env, context, teso, runDir);
            }

            return 0;
        }));
        return command;
    }

    private static void CalibrateMargin(CliEnvironment env, EvaluationContext context, TesoSegmenter teso, string runDir)
    {
        var calibration = MarginCalibrator.Calibrate(teso, context.Split("val"), new SynchronousProgress<MarginTrial>(t =>
            env.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"margin {t.Margin:0.0000}: val mIoU {t.ValMIoU:0.0000}, silent frames {t.SilentFrames:0.000}"))),
            context.Config.Calibration?.LearnedMargin);
        WeightsFile.Save(teso, Path.Combine(runDir, SegmenterRun.WeightsFile));
        SegmenterRun.WriteConfig(runDir, context.Config with { Calibration = calibration });
        env.Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"margin {calibration.LearnedMargin:0.0000} -> {calibration.Margin:0.0000}: val mIoU {calibration.ValMIoUBefore:0.0000} -> {calibration.ValMIoU:0.0000} (written to {Path.Combine(runDir, SegmenterRun.WeightsFile)})"));
    }

    private static void CalibrateKeep(CliEnvironment env, EvaluationContext context, TesoSegmenter teso, string runDir)
    {
        var calibration = KeepThresholdCalibrator.Calibrate(
            teso,
            context.Split("val"),
            context.Split("val", AudioConditions.NoiseFloor),
            context.Split("val", AudioConditions.Swapped),
            new SynchronousProgress<KeepThresholdTrial>(t => env.Console.WriteLine(Describe(t))));
        var config = context.Config with
        {
            Options = context.Config.Options with { KeepThreshold = calibration.Threshold },
            KeepCalibration = calibration,
        };
        SegmenterRun.WriteConfig(runDir, config);
        WriteReport(runDir, calibration);
        env.Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"keep threshold {context.Config.Options.KeepThreshold:0.0##} -> {calibration.Threshold:0.0##}: {Describe(calibration.Chosen)} (written to {Path.Combine(runDir, SegmenterRun.ConfigFile)}; the grid in {KeepReport}.md and .png)"));
    }

    private const string KeepReport = "keep-threshold";

    // keep-threshold.md (the grid as a table) and keep-threshold.png (val J and the two blank shares against the threshold).
    private static void WriteReport(string runDir, KeepThresholdCalibration calibration)
    {
        var lines = new List<string>
        {
            "# Keep threshold chosen on val",
            string.Empty,
            "`segpref calibrate`: SeDAM keeps a cue when its relevance logit is at least the threshold (0 is the paper's rule).",
            "Objective: the mean of val J with the clips' own audio and the share of frames left blank under their noise floor alone.",
            string.Empty,
            "| threshold | val J | blank, noise floor | blank, swapped audio | objective |",
            "|---|---|---|---|---|",
        };
        lines.AddRange(calibration.Grid.Select(t => string.Create(
            CultureInfo.InvariantCulture,
            $"| {t.Threshold:0.0##}{(t.Threshold == calibration.Threshold ? " (chosen)" : string.Empty)} | {t.ValJ:0.0000} | {t.FloorBlank:0.000} | {t.SwappedBlank:0.000} | {t.Score:0.0000} |")));
        File.WriteAllLines(Path.Combine(runDir, KeepReport + ".md"), lines);
        var byThreshold = calibration.Grid.OrderBy(t => t.Threshold).ToList();
        var series = new List<ChartSeries>
        {
            new("val J", [.. byThreshold.Select(t => (t.Threshold, t.ValJ))]),
            new("blank, noise floor", [.. byThreshold.Select(t => (t.Threshold, t.FloorBlank))]),
            new("blank, swapped audio", [.. byThreshold.Select(t => (t.Threshold, t.SwappedBlank))]),
            new("objective", [.. byThreshold.Select(t => (t.Threshold, t.Score))]),
        };
        File.WriteAllBytes(Path.Combine(runDir, KeepReport + ".png"), LineChart.RenderPng("keep threshold on val", "keep threshold (relevance logit)", series));
    }

    private static string Describe(KeepThresholdTrial t) => string.Create(
        CultureInfo.InvariantCulture,
        $"threshold {t.Threshold,5:0.0##}: val J {t.ValJ:0.0000}, blank under the noise floor {t.FloorBlank:0.000}, under swapped audio {t.SwappedBlank:0.000}, mean {t.Score:0.0000}");
}

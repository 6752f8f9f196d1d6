using System.CommandLine;
using System.Text.Json;
using SegPref.Avs.Avss;
using SegPref.Avs.Evaluation;
using SegPref.Cli.Infrastructure;
using Spectre.Console;

namespace SegPref.Cli.Commands;

/// <summary>`segpref metrics`: scores a prediction folder against a dataset with the official AVS metrics.</summary>
internal static class MetricsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var gt = new Option<string>("--gt") { Description = "Dataset root (AVSS layout) holding the ground truth.", Required = true };
        var pred = new Option<string>("--pred") { Description = "Prediction folder: <pred>/<uid>/<frame index>.png, 8-bit, value = probability x 255.", Required = true };
        var split = new Option<string>("--split") { Description = "Split to score (train, val, test, test-counter).", DefaultValueFactory = _ => "test" };
        var batchClips = new Option<int>("--batch-clips") { Description = "Clips per metric batch (official: 1).", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print {\"miou\", \"fscore\", \"frames\"} as JSON." };
        var command = new Command("metrics", "Score predicted masks with the official AVSBench Jaccard (mIoU) and F-score.") { gt, pred, split, batchClips, json };
        command.SetAction((result, _) => CommandErrors.Run(env, () =>
        {
            var dataset = AvssDataset.Open(result.GetRequiredValue(gt));
            var score = PredictionFolder.Score(dataset, result.GetRequiredValue(pred), result.GetValue(split), result.GetValue(batchClips));
            if (result.GetValue(json))
            {
                env.Out.WriteLine(JsonSerializer.Serialize(new { miou = score.MIoU, fscore = score.FScore, frames = score.Frames }));
            }
            else
            {
                var table = new Table().AddColumns("split", "frames", "batches", "mIoU (J)", "F-score");
                table.AddRow(result.GetValue(split) ?? "all", score.Frames.ToString(), score.Batches.ToString(), score.MIoU.ToString("0.0000"), score.FScore.ToString("0.0000"));
                env.Console.Write(table);
            }

            return 0;
        }));
        return command;
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SegPref.Avs.Avss;
using SegPref.Cli.Infrastructure;
using SegPref.Cues;
using SegPref.Cues.Evaluation;
using SegPref.Models.Captioning;
using SegPref.Models.Cues;
using Spectre.Console;

namespace SegPref.Cli.Commands;

/// <summary>`segpref eval-cues`: lexicon cue precision/recall/F1 against AVS-Synth's ground-truth cues, on the truth and on captions.</summary>
internal static class EvalCuesCommand
{
    public static Command Create(CliEnvironment env)
    {
        var data = new Option<string>("--data") { Description = "AVS-Synth root (metadata.csv, clips with synth.json).", Required = true };
        var split = new Option<string>("--split") { Description = "Split to score.", DefaultValueFactory = _ => "test" };
        var captioner = new Option<string?>("--captioner") { Description = "A train-captioner run folder: also score cues extracted from its descriptions of the frames." };
        var beam = new Option<int>("--beam") { Description = "Captioner beam width (1 = greedy).", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "Print the scores as JSON." };
        var command = new Command("eval-cues", "Score the lexicon text-cue backend against AVS-Synth's ground-truth cues.") { data, split, captioner, beam, json };
        command.SetAction((result, ct) => CommandErrors.RunAsync(env, async () =>
        {
            var frames = CueEvaluation.Frames(AvssDataset.Open(result.GetRequiredValue(data)), result.GetRequiredValue(split));
            IReadOnlyList<string>? captions = null;
            if (result.GetValue(captioner) is { } captionerDir)
            {
                using var run = CaptionerRun.Load(captionerDir);
                captions = CueEvaluation.Describe(run, frames, DecodeOptions.Beam(result.GetValue(beam)));
            }

            var report = await CueEvaluation.RunAsync(TextCueExtractorFactory.Create(new TextCueOptions()), result.GetRequiredValue(split), frames, captions, ct);
            if (result.GetValue(json))
            {
                env.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    split = report.Split, backend = report.Backend, frames = frames.Count,
                    ground_truth_descriptions = Scores(report.OnTruth), captioner = result.GetValue(captioner),
                    captioner_descriptions = report.OnCaptions is null ? null : Scores(report.OnCaptions),
                }));
            }
            else
            {
                Print(env, report);
            }

            return 0;
        }));
        return command;
    }

    private static object Scores(CueScore s) => new
    {
        precision = s.Precision, recall = s.Recall, f1 = s.F1, tp = s.TruePositives, fp = s.FalsePositives, fn = s.FalseNegatives, frames = s.Frames,
    };

    private static void Print(CliEnvironment env, CueEvaluationReport report)
    {
        var table = new Table().AddColumn("descriptions").AddColumn("precision").AddColumn("recall").AddColumn("F1").AddColumn("TP/FP/FN").AddColumn("frames");
        AddRow(table, "ground truth", report.OnTruth);
        if (report.OnCaptions is { } onCaptions)
        {
            AddRow(table, "captioner", onCaptions);
        }

        env.Console.WriteLine($"{report.Backend} cues vs AVS-Synth ground-truth cues, split {report.Split}");
        env.Console.Write(table);
        foreach (var (description, caption, cues) in report.Examples)
        {
            env.Console.WriteLine($"  truth: {description}");
            if (caption is not null)
            {
                env.Console.WriteLine($"  caption: {caption}");
            }

            env.Console.WriteLine($"  cues: {cues}");
        }
    }

    private static void AddRow(Table table, string name, CueScore s) => table.AddRow(
        name, F(s.Precision), F(s.Recall), F(s.F1), $"{s.TruePositives}/{s.FalsePositives}/{s.FalseNegatives}", s.Frames.ToString(CultureInfo.InvariantCulture));

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}

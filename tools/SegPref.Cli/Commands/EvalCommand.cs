using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SegPref.Avs.Evaluation;
using SegPref.Cli.Infrastructure;
using SegPref.Inference;
using SegPref.Media.Masks;
using SegPref.Models.Segmentation.Training;
using Spectre.Console;

namespace SegPref.Cli.Commands;

/// <summary>`segpref eval`: official metrics of a segmenter run on one split and audio condition.</summary>
internal static class EvalCommand
{
    public static Command Create(CliEnvironment env)
    {
        var data = new DataOptions();
        var run = new Option<string>("--run") { Description = "A `segpref train` run folder.", Required = true };
        var split = new Option<string>("--split") { Description = "test, test-counter or val.", DefaultValueFactory = _ => "test" };
        var audio = new Option<string>("--audio") { Description = "normal, mute, wgn-N (e.g. wgn-10, wgn-40), noise-floor, dither, swapped or off-screen (docs/metrics.md).", DefaultValueFactory = _ => "normal" };
        var saveMasks = new Option<string?>("--save-masks") { Description = "Write probability maps as PNG (segpref metrics layout: DIR/<uid>/<frame>.png)." };
        var json = new Option<bool>("--json") { Description = "Print the scores as JSON." };
        var cache = new Option<string?>("--cache") { Description = "Encoder-output cache (default DATA/.segpref-cache; 'none' disables)." };
        var onnx = new Option<string?>("--onnx") { Description = "Score the exported model in this repository (ONNX Runtime, CPU) instead of the run's TorchSharp weights; encoders and cues still come from the run." };
        var onnxName = new Option<string?>("--onnx-name") { Description = "Repository entry name (default: the run's kind, teso or audio-only)." };
        var byClass = new Option<bool>("--by-class") { Description = "Also break the scores down per class: J when it sounds, blank-frame share, paint on its box when silent." };
        var byCue = new Option<bool>("--by-cue") { Description = "TeSO: what SeDAM's dynamic mask keeps per cue class: the mean soft keep of cues whose class sounds against cues whose class is silent, and the AUC between them." };
        var byAudibility = new Option<bool>("--by-audibility") { Description = "AVS-Synth: J and blank share by how far the frame's audio stands over its noise floor (nothing visible sounds; below the floor; 0-10 dB; over 10 dB)." };
        var threads = new Option<int>("--threads") { Description = "Torch CPU threads (0 = all cores).", DefaultValueFactory = _ => 0 };
        var command = new Command("eval", "Evaluate a segmenter run (official mIoU and F-score, Null S) on a split under normal or perturbed audio.")
        {
            run, split, audio, saveMasks, json, cache, onnx, onnxName, byClass, byCue, byAudibility, threads,
        };
        data.AddTo(command);
        command.SetAction((result, ct) => CommandErrors.Run(env, () =>
        {
            CliTorch.SetThreads(result.GetValue(threads));
            var dataDir = data.Root(result);
            var condition = AudioConditions.Check(result.GetRequiredValue(audio));
            var splitName = result.GetRequiredValue(split);
            var quiet = result.GetValue(json);
            using var context = EvaluationContext.Open(dataDir, result.GetRequiredValue(run), TrainCommand.CacheFolder(result.GetValue(cache), dataDir), stages: quiet ? null : StageLines.Create(env), format: data.ReadFormat(result));
            var masksDir = result.GetValue(saveMasks);
            var target = context.Split(splitName, condition);
            var predictions = result.GetValue(byClass) || result.GetValue(byAudibility) ? new float[target.Count][] : null;
            Action<int, float[]> save = (row, probs) =>
            {
                predictions?[row] = probs;
                if (masksDir is not null)
                {
                    var frame = target.Frames.Frames[row];
                    PredictionFolder.Write(masksDir, frame.Uid, frame.FrameIndex, new ProbabilityMap(target.Frames.Size, target.Frames.Size, probs));
                }
            };
            var slotKeeps = result.GetValue(byCue) ? new float[target.Count][] : null;
            if (slotKeeps is not null && (result.GetValue(onnx) is not null || context.Config.Kind != "teso"))
            {
                throw new ArgumentException("--by-cue needs a TeSO run scored with its TorchSharp weights (the soft keeps are not among the ONNX outputs; the baseline has no cues).");
            }

            SegmentationScores scores;
            if (result.GetValue(onnx) is { } repo)
            {
                using var served = ModelRepository.OpenSegmenter(repo, new InferenceOptions { Provider = ExecutionProvider.Cpu, IntraOpThreads = 1 }, result.GetValue(onnxName) ?? context.Config.Kind);
                scores = SegmentationEvaluator.EvaluateWith(target, OnnxSplitPredictor.Create(served, target, context.Silence), onFrame: save);
            }
            else
            {
                scores = SegmentationEvaluator.Evaluate(context.Model, target, onFrame: save, silence: context.Silence, onSlots: slotKeeps is null ? null : (row, keeps) => slotKeeps[row] = keeps);
            }

            var classes = predictions is null || !result.GetValue(byClass) ? null : ClassBreakdown.Compute(target.Frames, predictions);
            var audibility = predictions is null || !result.GetValue(byAudibility)
                ? null
                : AudibilityBreakdown.Compute(target.Frames, predictions, AudibilityBreakdown.FrameDb(context.Data, splitName, target.Frames));
            var cues = slotKeeps is null ? null : CueKeepBreakdown.Compute(target, slotKeeps);
            if (quiet)
            {
                var perClass = classes?.Select(c => new { @class = c.Class, sounding_frames = c.SoundingFrames, sounding_j = c.SoundingJ, blank = c.BlankFraction, silent_frames = c.SilentFrames, silent_paint = c.SilentPaint });
                var perCue = cues?.Select(c => new { cue = c.Cue, sounding_cues = c.SoundingCues, sounding_keep = c.SoundingKeep, silent_cues = c.SilentCues, silent_keep = c.SilentKeep, auc = c.Auc });
                env.Out.WriteLine(JsonSerializer.Serialize(new { run = result.GetRequiredValue(run), split = splitName, audio = condition, miou = scores.MIoU, f = scores.FScore, null_s = scores.NullS, reliance = scores.MeanReliance, frames = scores.Frames, kept_cues = scores.KeptCueFraction, silent_frames = scores.SilentFrameFraction, classes = perClass, cues = perCue, audibility = audibility?.Select(b => new { band = b.Band, frames = b.Frames, j = b.J, blank = b.Blank }) }));
            }
            else
            {
                var reliance = scores.MeanReliance is { } mean ? string.Create(CultureInfo.InvariantCulture, $", reliance {mean:0.000}") : string.Empty;
                var gates = scores.KeptCueFraction is { } kept
                    ? string.Create(CultureInfo.InvariantCulture, $", kept cues {kept:0.000}, silent frames {scores.SilentFrameFraction:0.000}")
                    : string.Empty;
                env.Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{context.Config.Kind} on {splitName} ({condition} audio, {scores.Frames} frames): mIoU {scores.MIoU:0.0000}, F {scores.FScore:0.0000}, Null S {scores.NullS:0.0000}{reliance}{gates}"));
                if (masksDir is not null)
                {
                    env.Console.MarkupLineInterpolated($"wrote masks to {masksDir}");
                }

                if (classes is not null)
                {
                    env.Console.Write(ClassTable(classes));
                }

                if (cues is not null)
                {
                    env.Console.Write(CueTable(cues));
                }

                if (audibility is not null)
                {
                    env.Console.Write(AudibilityTable(audibility));
                }
            }

            return 0;
        }));
        return command;
    }

    private static Table AudibilityTable(IReadOnlyList<AudibilityBand> bands)
    {
        var table = new Table().Title("by audibility (the frame's audio over its noise floor)").AddColumns("frames", "count", "J", "blank");
        foreach (var b in bands)
        {
            table.AddRow(b.Band, b.Frames.ToString(CultureInfo.InvariantCulture), b.J.ToString("0.000", CultureInfo.InvariantCulture), b.Blank.ToString("0.000", CultureInfo.InvariantCulture));
        }

        return table;
    }

    private static Table CueTable(IReadOnlyList<CueKeepResult> cues)
    {
        static string Cell(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";
        var table = new Table().Title("SeDAM soft keep per cue class").AddColumns("cue", "sounding cues", "keep when sounding", "silent cues", "keep when silent", "AUC");
        foreach (var c in cues)
        {
            table.AddRow(c.Cue, c.SoundingCues.ToString(CultureInfo.InvariantCulture), Cell(c.SoundingKeep), c.SilentCues.ToString(CultureInfo.InvariantCulture), Cell(c.SilentKeep), Cell(c.Auc));
        }

        return table;
    }

    private static Table ClassTable(IReadOnlyList<ClassResult> classes)
    {
        static string Cell(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
        var table = new Table().AddColumns("class", "sounding frames", "J when sounding", "blank when sounding", "silent frames", "box painted when silent");
        foreach (var c in classes)
        {
            table.AddRow(c.Class, c.SoundingFrames.ToString(CultureInfo.InvariantCulture), Cell(c.SoundingJ, "0.000"), Cell(c.BlankFraction, "0.000"), c.SilentFrames.ToString(CultureInfo.InvariantCulture), Cell(c.SilentPaint, "0.000"));
        }

        return table;
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SegPref.Avs.Evaluation;
using SegPref.Cli.Infrastructure;
using SegPref.Models.Segmentation.Preference;
using SegPref.Models.Segmentation.Training;
using Spectre.Console;

namespace SegPref.Cli.Commands;

/// <summary>
/// `segpref explain`: where a segmenter's paint comes from, by prompt path: the split scored with each prompt group
/// withheld from the decoder's queries, the PMQS attention of the queries that paint silent objects against those that
/// paint the sounding ones, and a figure of the frames whose silent objects are painted most.
/// </summary>
internal static class ExplainCommand
{
    public const string Report = "explain";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(CliEnvironment env)
    {
        var data = new DataOptions();
        var run = new Option<string>("--run") { Description = "A `segpref train` run folder (TeSO or the audio-only baseline).", Required = true };
        var split = new Option<string>("--split") { Description = "test, test-counter or val (AVS-Synth: the frames must carry their objects).", DefaultValueFactory = _ => "test-counter" };
        var audio = new Option<string>("--audio") { Description = "The audio condition, as `segpref eval --audio`.", DefaultValueFactory = _ => "normal" };
        var output = new Option<string>("--out") { Description = "Folder for explain.md, explain.json and explain.png.", Required = true };
        var examples = new Option<int>("--examples") { Description = "Frames in the figure: those whose silent visible objects are painted most.", DefaultValueFactory = _ => 6 };
        var cache = new Option<string?>("--cache") { Description = "Encoder-output cache (default DATA/.segpref-cache; 'none' disables)." };
        var threads = new Option<int>("--threads") { Description = "Torch CPU threads (0 = all cores).", DefaultValueFactory = _ => 0 };
        var command = new Command("explain", "Attribute a segmenter's paint to its prompt paths (text cues, open cue, audio prompts): ablations, PMQS attention shares, attention maps.")
        {
            run, split, audio, output, examples, cache, threads,
        };
        data.AddTo(command);
        command.SetAction((result, ct) => CommandErrors.Run(env, () =>
        {
            var count = result.GetValue(examples);
            if (count is < 0 or > 64)
            {
                throw new ArgumentException($"--examples must lie in 0..64, got {count}.");
            }

            CliTorch.SetThreads(result.GetValue(threads));
            var dataDir = data.Root(result);
            var condition = AudioConditions.Check(result.GetRequiredValue(audio));
            var splitName = result.GetRequiredValue(split);
            var runDir = result.GetRequiredValue(run);
            using var context = EvaluationContext.Open(dataDir, runDir, TrainCommand.CacheFolder(result.GetValue(cache), dataDir), stages: StageLines.Create(env), format: data.ReadFormat(result));
            var target = context.Split(splitName, condition);
            if (AudioConditions.SilencesVisible(condition))
            {
                // Nothing visible sounds under this audio: every object is silent and the ground truth is empty.
                target = PromptAttribution.NothingVisibleSounds(target);
            }

            var attribution = PromptAttribution.Run(context.Model, target, count, progress: new SynchronousProgress<string>(s => env.Console.WriteLine($"{s}...")));
            var outDir = result.GetRequiredValue(output);
            Directory.CreateDirectory(outDir);
            var figure = AttributionFigure.RenderPng(target, attribution);
            if (figure is not null)
            {
                File.WriteAllBytes(Path.Combine(outDir, Report + ".png"), figure);
            }

            var heading = $"{context.Config.Kind} ({runDir}) on {splitName}, {condition} audio, {target.Count} frames";
            File.WriteAllLines(Path.Combine(outDir, Report + ".md"), Markdown(heading, attribution, figure is not null));
            File.WriteAllText(Path.Combine(outDir, Report + ".json"), Json(runDir, context.Config.Kind, condition, attribution));
            env.Console.WriteLine(heading);
            env.Console.Write(AblationTable(attribution));
            env.Console.Write(ShareTable(attribution));
            env.Console.MarkupLineInterpolated($"wrote {Path.Combine(outDir, Report)}.md, .json{(figure is null ? string.Empty : " and .png")}");
            return 0;
        }));
        return command;
    }

    private static string Cell(double? value, string format = "0.000") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

    private static Table AblationTable(PromptAttributionResult r)
    {
        var table = new Table().Title("withheld from the decoder's queries").AddColumns("withheld", "J", "F", "Null S", "J, sounding frames", "blank, sounding frames", "silent boxes painted", "class silent", "class sounds");
        foreach (var a in r.Ablations)
        {
            table.AddRow(PromptAttribution.Describe(a.Withheld), Cell(a.J), Cell(a.F), Cell(a.NullS), Cell(a.SoundingJ), Cell(a.SoundingBlank), Cell(a.SilentPaint), Cell(a.SilentClassPaint), Cell(a.SoundingClassPaint));
        }

        return table;
    }

    private static Table ShareTable(PromptAttributionResult r)
    {
        var table = new Table().Title("PMQS attention of the painting queries").AddColumns("prompt group", "painting silent boxes", "painting the ground truth");
        for (var i = 0; i < r.SilentShares.Count; i++)
        {
            table.AddRow(r.SilentShares[i].Group, Cell(r.SilentShares[i].Share), Cell(r.SoundingShares[i].Share));
        }

        return table;
    }

    private static List<string> Markdown(string heading, PromptAttributionResult r, bool figure)
    {
        List<string> lines =
        [
            $"# Prompt attribution: {heading}",
            string.Empty,
            "Produced by `segpref explain`. Two views of where the paint comes from (docs/teso-model.md, \"Prompt attribution\"):",
            string.Empty,
            "- **Ablation** (causal): the split scored again with a prompt group withheld from the decoder's queries; SeDAM, its keep mask and the frame gate are unchanged. Silent boxes painted: the mean share of a visible, silent object's box (less the ground truth) painted, over " +
                string.Create(CultureInfo.InvariantCulture, $"{r.Ablations[0].SilentObjects} object-frames: {r.Ablations[0].SilentClassObjects} whose class is silent in the frame (the preference case), {r.Ablations[0].SoundingClassObjects} beside a sounding instance of their class (a class-level cue names both)."),
            "- **Attention** (what the painting queries read): each query's claim on a region is its object weight times its mean mask probability there; a group's share is the claim-weighted PMQS attention on the group's prompts, averaged over frames.",
            string.Empty,
            "| withheld | J | F | Null S | J, sounding frames | blank, sounding frames | silent boxes painted | class silent | class sounds |",
            "|---|---|---|---|---|---|---|---|---|",
        ];
        lines.AddRange(r.Ablations.Select(a => $"| {PromptAttribution.Describe(a.Withheld)} | {Cell(a.J)} | {Cell(a.F)} | {Cell(a.NullS)} | {Cell(a.SoundingJ)} | {Cell(a.SoundingBlank)} | {Cell(a.SilentPaint)} | {Cell(a.SilentClassPaint)} | {Cell(a.SoundingClassPaint)} |"));
        lines.Add(string.Empty);
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"| prompt group | queries painting silent boxes ({r.SilentShares[0].Frames} frames) | queries painting the ground truth ({r.SoundingShares[0].Frames} frames) |"));
        lines.Add("|---|---|---|");
        lines.AddRange(r.SilentShares.Select((s, i) => $"| {s.Group} | {Cell(s.Share)} | {Cell(r.SoundingShares[i].Share)} |"));
        if (figure)
        {
            lines.Add(string.Empty);
            lines.Add($"Frames whose silent objects are painted most, one per clip (boxes: green sounding, red silent; keep: SeDAM's soft keep per cue; the attention maps are scaled per row):");
            lines.Add(string.Empty);
            lines.Add($"![prompt attribution]({Report}.png)");
        }

        return lines;
    }

    private static string Json(string run, string kind, string condition, PromptAttributionResult r) => JsonSerializer.Serialize(new
    {
        run,
        kind,
        split = r.Split,
        audio = condition,
        ablations = r.Ablations.Select(a => new { withheld = PromptAttribution.Describe(a.Withheld), j = a.J, f = a.F, null_s = a.NullS, sounding_j = a.SoundingJ, sounding_blank = a.SoundingBlank, silent_paint = a.SilentPaint, silent_objects = a.SilentObjects, class_silent_paint = a.SilentClassPaint, class_silent_objects = a.SilentClassObjects, class_sounding_paint = a.SoundingClassPaint, class_sounding_objects = a.SoundingClassObjects }),
        attention = r.SilentShares.Select((s, i) => new { group = s.Group, silent = s.Share, silent_frames = s.Frames, sounding = r.SoundingShares[i].Share, sounding_frames = r.SoundingShares[i].Frames }),
        examples = r.Examples.Select(e => new { row = e.Row, silent_paint = e.SilentPaint, cues = e.Cues.Select(c => new { cue = c.Cue, keep = c.Keep }) }),
    }, Indented);
}

using System.CommandLine;
using System.Globalization;
using System.Text;
using SegPref.Avs.Data;
using SegPref.Avs.Evaluation;
using SegPref.Cli.Infrastructure;
using SegPref.Media.Audio;
using SegPref.Models.Segmentation.Preference;
using SegPref.Models.Segmentation.Training;
using Spectre.Console;

namespace SegPref.Cli.Commands;

/// <summary>`segpref preference`: the segmentation-preference table for several runs, as markdown, JSON and a figure.</summary>
internal static class PreferenceCommand
{
    /// <summary>What the preference table cannot have on <paramref name="data"/>, and why, one line each.</summary>
    public static IReadOnlyList<string> Skipped(AvsData data, IReadOnlyList<string> conditions)
    {
        ArgumentNullException.ThrowIfNull(data);
        var lines = new List<string>();
        var needLabels = conditions.Where(c => AudioConditions.NeedsDataset(c) && !data.HasSynthLabels).ToList();
        if (needLabels.Count > 0)
        {
            lines.Add($"{string.Join(", ", needLabels)}: these conditions are built from AVS-Synth's labels (which classes each clip shows and hears, and its background alone, noise.wav); {AvsDataFormats.Describe(data.Format)} has none.");
        }

        if (!data.HasSplit("test-counter"))
        {
            lines.Add($"test-counter: AVS-Synth's counter-preference split (habitual classes silent, rare ones sounding); {AvsDataFormats.Describe(data.Format)} has no such split, so the counter columns stay empty.");
        }

        return lines;
    }

    // The conditions shown per run in the examples figure.
    private static readonly string[] FigureConditions = [AudioPerturbation.Normal, AudioPerturbation.Mute, AudioConditions.Swapped];

    public static Command Create(CliEnvironment env)
    {
        var data = new DataOptions();
        var runs = new Option<string[]>("--runs") { Description = "`segpref train` run folders.", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Output folder: preference.json (this dataset's entry added or replaced), preference-NAME.md, examples-NAME.png, reliance-NAME.png.", Required = true };
        var name = new Option<string?>("--name") { Description = "The dataset's name in the results (default: the --data folder's name), e.g. realistic or standard." };
        var only = new Option<string[]>("--conditions") { Description = "Score only these test conditions besides normal (default: all of normal, mute, wgn-10, wgn-40, noise-floor, dither, swapped, off-screen).", AllowMultipleArgumentsPerToken = true };
        var examples = new Option<int>("--examples") { Description = "Example frames in the figure.", DefaultValueFactory = _ => 6 };
        var cache = new Option<string?>("--cache") { Description = "Encoder-output cache (default DATA/.segpref-cache; 'none' disables)." };
        var threads = new Option<int>("--threads") { Description = "Torch CPU threads (0 = all cores).", DefaultValueFactory = _ => 0 };
        var command = new Command("preference", "The preference tables for several runs: J/F and Delta under normal, mute, WGN -10/-40 dB and off-screen audio; Null S under mute, noise-floor, dither and swapped audio; mean audio reliance; test-counter J/F.")
        {
            runs, output, name, only, examples, cache, threads,
        };
        data.AddTo(command);
        command.SetAction((result, ct) => CommandErrors.Run(env, () =>
        {
            CliTorch.SetThreads(result.GetValue(threads));
            var dataDir = data.Root(result);
            var outDir = result.GetRequiredValue(output);
            var cacheDir = TrainCommand.CacheFolder(result.GetValue(cache), dataDir);
            var dataset = data.Open(result);
            var datasetName = result.GetValue(name) ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDir)));
            var asked = result.GetValue(only) is { Length: > 0 } list ? list.Select(AudioConditions.Check).ToList() : [.. AudioConditions.Benchmark];
            var skipped = Skipped(dataset, asked);
            foreach (var line in skipped)
            {
                env.Console.MarkupLineInterpolated($"[yellow]skipped[/] {line}");
            }

            var conditions = asked.Where(c => !AudioConditions.NeedsDataset(c) || dataset.HasSynthLabels).ToList();
            var frames = new Dictionary<string, SegmentationFrames>();
            PreferenceFigure? figure = null;
            var rows = new List<PreferenceRow>();
            foreach (var runDir in result.GetRequiredValue(runs))
            {
                ct.ThrowIfCancellationRequested();
                var runName = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(runDir)));
                var size = SegmenterRun.ReadConfig(runDir).Options.ImageSize;
                SegmentationFrames Shared(string split)
                {
                    if (!frames.TryGetValue($"{split}@{size}", out var f))
                    {
                        f = SegmentationFramesLoader.Load(dataset, split, size);
                        frames[$"{split}@{size}"] = f;
                    }

                    return f;
                }

                var shared = EvaluationContext.Open(dataDir, runDir, cacheDir, stages: StageLines.Create(env), sharedFrames: Shared, format: dataset.Format);
                using (shared)
                {
                    figure ??= new PreferenceFigure(Shared("test"), PreferenceFigure.PickRows(Shared("test"), result.GetValue(examples)));
                    var collectors = FigureConditions.Where(c => c == AudioPerturbation.Normal || conditions is null || conditions.Contains(c))
                        .ToDictionary(c => c, c => figure.Collect(runName, c), StringComparer.Ordinal);
                    rows.Add(PreferenceExperiment.Score(
                        shared, runName,
                        (condition, s) => env.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{runName} {condition}: J {s.MIoU:0.0000}, F {s.FScore:0.0000}, Null S {s.NullS:0.0000}, reliance {s.MeanReliance:0.000}")),
                        (condition, row, probs) => collectors.GetValueOrDefault(condition)?.Invoke(row, probs),
                        conditions));
                }
            }

            Directory.CreateDirectory(outDir);
            PreferenceReport.WriteJson(Path.Combine(outDir, PreferenceReport.JsonFile), new PreferenceDataset(datasetName, Path.GetFullPath(dataDir), rows));
            File.WriteAllBytes(Path.Combine(outDir, $"examples-{datasetName}.png"), figure!.RenderPng());
            var histogram = RelianceHistogram.RenderPng(rows);
            if (histogram is not null)
            {
                File.WriteAllBytes(Path.Combine(outDir, $"reliance-{datasetName}.png"), histogram);
            }

            var md = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"# Segmentation preference: {datasetName}")
                .AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"Data: `{Path.GetFullPath(dataDir)}` ({AvsDataFormats.Describe(dataset.Format)}). J = mIoU, F = F-score (x100).")
                .AppendLine()
                .Append(PreferenceReport.Markdown(rows))
                .AppendLine();
            if (skipped.Count > 0)
            {
                md.AppendLine("Not run on this data:").AppendLine();
                foreach (var line in skipped)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"- {line}");
                }

                md.AppendLine();
            }

            var seeds = PreferenceReport.SeedMarkdown(rows);
            if (seeds.Length > 0)
            {
                md.AppendLine("Recipes run with several seeds (mean ± sample standard deviation over the seeds):")
                    .AppendLine()
                    .Append(seeds)
                    .AppendLine();
            }

            md.AppendLine(CultureInfo.InvariantCulture, $"Examples (green: ground truth; red: prediction; per run under {string.Join(", ", FigureConditions)} audio):")
                .AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"![examples](examples-{datasetName}.png)")
                .AppendLine();
            if (histogram is not null)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"![audio reliance](reliance-{datasetName}.png)").AppendLine();
            }

            md.AppendLine(CultureInfo.InvariantCulture, $"Produced by: `segpref {string.Join(' ', Environment.GetCommandLineArgs().Skip(1))}`");
            File.WriteAllText(Path.Combine(outDir, $"preference-{datasetName}.md"), md.ToString());
            env.Console.WriteLine(PreferenceReport.Markdown(rows));
            if (seeds.Length > 0)
            {
                env.Console.WriteLine(seeds);
            }

            env.Console.MarkupLineInterpolated($"wrote {outDir}");
            return 0;
        }));
        return command;
    }
}

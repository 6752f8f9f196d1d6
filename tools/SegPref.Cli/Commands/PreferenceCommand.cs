using System.CommandLine;
using System.Globalization;
using System.Text;
using SegPref.Avs.Avss;
using SegPref.Cli.Infrastructure;
using SegPref.Media.Audio;
using SegPref.Models.Segmentation.Preference;
using SegPref.Models.Segmentation.Training;
using Spectre.Console;

namespace SegPref.Cli.Commands;

/// <summary>`segpref preference`: the segmentation-preference table for several runs, as markdown, JSON and a figure.</summary>
internal static class PreferenceCommand
{
    public static Command Create(CliEnvironment env)
    {
        var data = new Option<string>("--data") { Description = "AVS-Synth root.", Required = true };
        var runs = new Option<string[]>("--runs") { Description = "`segpref train` run folders.", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Output folder: preference.md, preference.json, examples.png.", Required = true };
        var examples = new Option<int>("--examples") { Description = "Example frames in the figure.", DefaultValueFactory = _ => 6 };
        var cache = new Option<string?>("--cache") { Description = "Encoder-output cache (default DATA/.segpref-cache; 'none' disables)." };
        var threads = new Option<int>("--threads") { Description = "Torch CPU threads (0 = all cores).", DefaultValueFactory = _ => 0 };
        var command = new Command("preference", "Normal / mute / WGN -10 dB / WGN -40 dB J and F with Delta, Null S under mute, test-counter J/F for every run.")
        {
            data, runs, output, examples, cache, threads,
        };
        command.SetAction((result, ct) => CommandErrors.Run(env, () =>
        {
            CliTorch.SetThreads(result.GetValue(threads));
            var dataDir = result.GetRequiredValue(data);
            var outDir = result.GetRequiredValue(output);
            var cacheDir = TrainCommand.CacheFolder(result.GetValue(cache), dataDir);
            var dataset = AvssDataset.Open(dataDir);
            var frames = new Dictionary<string, SegmentationFrames>();
            PreferenceFigure? figure = null;
            var rows = new List<PreferenceRow>();
            foreach (var runDir in result.GetRequiredValue(runs))
            {
                ct.ThrowIfCancellationRequested();
                var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(runDir)));
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

                var shared = EvaluationContext.Open(dataDir, runDir, cacheDir, stages: StageLines.Create(env), sharedFrames: Shared);
                using (shared)
                {
                    figure ??= new PreferenceFigure(Shared("test"), PreferenceFigure.PickRows(Shared("test"), result.GetValue(examples)));
                    var normal = figure.Collect(name, AudioPerturbation.Normal);
                    var mute = figure.Collect(name, AudioPerturbation.Mute);
                    rows.Add(PreferenceExperiment.Score(
                        shared, name,
                        (condition, s) => env.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {condition}: J {s.MIoU:0.0000}, F {s.FScore:0.0000}, Null S {s.NullS:0.0000}")),
                        (condition, row, probs) => (condition == AudioPerturbation.Normal ? normal : condition == AudioPerturbation.Mute ? mute : null)?.Invoke(row, probs)));
                }
            }

            Directory.CreateDirectory(outDir);
            PreferenceReport.WriteJson(Path.Combine(outDir, PreferenceReport.JsonFile), rows);
            File.WriteAllBytes(Path.Combine(outDir, "examples.png"), figure!.RenderPng());
            var md = new StringBuilder()
                .AppendLine("# Segmentation preference")
                .AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"Data: `{Path.GetFullPath(dataDir)}`. J = mIoU, F = F-score (x100); Δ = relative drop from normal audio; Null S under muted audio (lower is better).")
                .AppendLine()
                .Append(PreferenceReport.Markdown(rows))
                .AppendLine();
            var seeds = PreferenceReport.SeedMarkdown(rows);
            if (seeds.Length > 0)
            {
                md.AppendLine("Recipes run with several seeds (mean ± sample standard deviation over the seeds):")
                    .AppendLine()
                    .Append(seeds)
                    .AppendLine();
            }

            md.AppendLine("Examples (green: ground truth; red: prediction; per run under normal and muted audio):")
                .AppendLine()
                .AppendLine("![examples](examples.png)")
                .AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"Produced by: `segpref {string.Join(' ', Environment.GetCommandLineArgs().Skip(1))}`");
            File.WriteAllText(Path.Combine(outDir, PreferenceReport.MarkdownFile), md.ToString());
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

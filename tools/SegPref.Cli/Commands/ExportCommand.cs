using System.CommandLine;
using System.Globalization;
using SegPref.Cli.Infrastructure;
using SegPref.Inference.Export;
using SegPref.Inference.Repository;
using Spectre.Console;

namespace SegPref.Cli.Commands;

/// <summary>`segpref export --run runs/NAME --repo models/`: a training run -> a model-repository entry (ONNX + config.json).</summary>
internal static class ExportCommand
{
    public static Command Create(CliEnvironment env)
    {
        var run = new Option<string>("--run") { Description = "Run folder (segmenter.json, or a train-audio / train-cues / train-captioner run), or a torchvggish state dict (.pth or .safetensors) to serve as the audio encoder.", Required = true };
        var repo = new Option<string>("--repo") { Description = "Model repository root (entries go to <repo>/<name>/<version>/).", Required = true };
        var name = new Option<string?>("--name") { Description = "Model name (default by kind: teso, audio-only, audio-encoder, cue-encoder, captioner)." };
        var version = new Option<string?>("--version") { Description = "Version folder (default: the next free number, so a served entry is never replaced by accident)." };
        var force = new Option<bool>("--force") { Description = "Replace the entry if that name and version already hold a model." };
        var audioMap = new Option<bool>("--audio-map") { Description = "An audio encoder run: export its time-frequency map instead of its 128-d embedding, for segmenters trained with --audio-map (serve it with them; a mismatch is refused by the segmentation service)." };
        var bench = new Option<int>("--bench") { Description = "After exporting, time TorchSharp vs ONNX Runtime this many times on one random clip (0 = no timing).", DefaultValueFactory = _ => 0 };
        var frames = new Option<int>("--bench-frames") { Description = "Frames (or audio examples) per timed call.", DefaultValueFactory = _ => 5 };
        var threads = new Option<int>("--bench-threads") { Description = "Threads for both runtimes while timing.", DefaultValueFactory = _ => 1 };
        var command = new Command("export", "Export a trained run to the ONNX model repository (the services serve it with ONNX Runtime).")
        {
            run, repo, name, version, force, audioMap, bench, frames, threads,
        };
        command.SetAction((result, _) => CommandErrors.Run(env, () =>
        {
            var runDir = result.GetRequiredValue(run);
            var line = "segpref " + string.Join(' ', result.Tokens.Select(t => t.Value));
            var entry = RunExporter.Export(runDir, result.GetRequiredValue(repo), result.GetValue(name), result.GetValue(version), line, result.GetValue(force), result.GetValue(audioMap));
            Print(env, entry);
            var repeats = result.GetValue(bench);
            if (repeats > 0)
            {
                var r = OnnxBench.Measure(runDir, entry, result.GetValue(frames), repeats, result.GetValue(threads));
                var table = new Table().AddColumns("model", "frames", "TorchSharp median ms", "ONNX Runtime median ms", "speed-up", "provider", "repeats");
                table.AddRow(r.Model, Str(r.Frames), r.TorchMedianMs.ToString("0.00", CultureInfo.InvariantCulture), r.OrtMedianMs.ToString("0.00", CultureInfo.InvariantCulture), (r.TorchMedianMs / r.OrtMedianMs).ToString("0.00", CultureInfo.InvariantCulture) + "x", r.Provider, Str(r.Repeats));
                env.Console.Write(table);
                env.Console.MarkupLineInterpolated($"threads: {result.GetValue(threads)}; load average: {LoadAverage()}");
            }

            return 0;
        }));
        return command;
    }

    private static void Print(CliEnvironment env, string entry)
    {
        var config = ModelConfig.Read(entry);
        env.Out.WriteLine($"wrote {entry} ({config.Kind}, {config.Architecture})");
        foreach (var file in config.Files.Values.Append(ModelConfig.FileName))
        {
            env.Out.WriteLine($"  {file,-14} {new FileInfo(Path.Combine(entry, file)).Length,12:N0} bytes");
        }

        foreach (var spec in config.Inputs)
        {
            env.Out.WriteLine($"  input  {spec}");
        }

        foreach (var spec in config.Outputs)
        {
            env.Out.WriteLine($"  output {spec}");
        }
    }

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}

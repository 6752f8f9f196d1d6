using System.CommandLine;
using System.Diagnostics;
using SegPref.Avs.Avss;
using SegPref.Avs.Evaluation;
using SegPref.Cli.Infrastructure;
using SegPref.Cues;
using SegPref.Cues.Evaluation;
using SegPref.Media.Audio;
using SegPref.Media.Imaging;
using SegPref.Media.Io;
using SegPref.Media.Masks;
using Spectre.Console;

namespace SegPref.Cli.Commands;

/// <summary>
/// `segpref demo`: the main job on a fresh clone with embedded defaults and no downloads. Today it runs every stage
/// that exists end to end on a small AVS-Synth set: generate, inspect, VGGish log-mel, text cues from the frame
/// descriptions, official metrics (self-check), and a rendered clip.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliEnvironment env)
    {
        var output = new Option<string>("--out") { Description = "Working folder for the demo's outputs.", DefaultValueFactory = _ => Path.Combine("out", "demo") };
        var seed = new Option<long>("--seed") { Description = "AVS-Synth seed.", DefaultValueFactory = _ => 7 };
        var command = new Command("demo", "Run the main job on embedded defaults: AVS-Synth -> features, text cues, metrics, overlays.") { output, seed };
        command.SetAction((result, ct) => CommandErrors.RunAsync(env, () => RunAsync(env, result.GetRequiredValue(output), result.GetValue(seed), ct)));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment env, string outDir, long seed, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        var data = Path.Combine(outDir, "avs-synth");
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }

        env.Console.Write(new Rule("1. AVS-Synth (quick preset)"));
        var config = SynthCommand.Configure("quick", seed, clips: null, size: null, frames: null);
        var clips = SegPref.Avs.Synth.SynthGenerator.Generate(data, config, cancellationToken: ct).Count;
        env.Console.MarkupLineInterpolated($"{clips} clips, {config.FramesPerClip} frames of {config.FrameSizePx} px each, in {data}");
        var dataset = AvssDataset.Open(data);
        var clip = dataset.Clips("test").First();

        env.Console.Write(new Rule("2. Audio: VGGish log-mel"));
        var audio = WavFile.Read(clip.AudioPath);
        var examples = VggishLogMel.ComputeExamples(audio, config.FramesPerClip);
        var npy = Path.Combine(outDir, $"{clip.Uid}.logmel.npy");
        NpyFile.WriteFloat32(npy, examples.Data, [examples.Count, LogMelExamples.FrameCount, LogMelExamples.BandCount]);
        env.Console.MarkupLineInterpolated($"{clip.Uid}: {audio.DurationSeconds:0.0} s -> [[{examples.Count}, 96, 64]] -> {npy}");

        env.Console.Write(new Rule("3. Text cues (lexicon backend) from the frame descriptions"));
        var extractor = TextCueExtractorFactory.Create(new TextCueOptions());
        var pairs = new List<(IReadOnlyList<string>, IReadOnlyList<string>)>();
        foreach (var c in dataset.Clips("test"))
        {
            foreach (var frame in c.Synth!.Frames)
            {
                var cues = await extractor.ExtractAsync(frame.Description, ct);
                pairs.Add((cues.Cues, frame.Cues));
                if (c.Uid == clip.Uid)
                {
                    env.Console.MarkupLineInterpolated($"frame {frame.Index}: \"{frame.Description}\" -> [[{string.Join(", ", cues.ToSlots())}]]");
                }
            }
        }

        var cueScore = CueScores.Compute(pairs);
        env.Console.MarkupLineInterpolated($"cue precision {cueScore.Precision:0.000}, recall {cueScore.Recall:0.000} over {cueScore.Frames} test frames");

        env.Console.Write(new Rule("4. Official metrics (ground truth scored against itself)"));
        var pred = Path.Combine(outDir, "gt-as-pred");
        PredictionFolder.WriteGroundTruth(dataset, pred, "test");
        var score = PredictionFolder.Score(dataset, pred, "test");
        env.Console.MarkupLineInterpolated($"test: mIoU {score.MIoU:0.0000}, F {score.FScore:0.0000} over {score.Frames} frames (expected 1.0 / 1.0)");

        env.Console.Write(new Rule("5. Overlay"));
        var frames = clip.FramePaths.Select(p => ImageCodec.Load(p)).Select(f => f.Resize(f.Width * 3, f.Height * 3)).ToList();
        var overlays = frames.Select((f, i) => Overlay.Draw(f, LabelMap.LoadRgbPng(clip.MaskPaths[i]!).ToBinaryMask(), (0, 200, 0))).ToList();
        var png = Path.Combine(outDir, $"{clip.Uid}.png");
        ImageCodec.Save(Overlay.SideBySide([.. frames, .. overlays], gap: 4, columns: frames.Count), png);
        env.Console.MarkupLineInterpolated($"frames and sounding-object masks: {png}");
        env.Console.MarkupLineInterpolated($"demo finished in {total.Elapsed.TotalSeconds:0.0} s");
        return score.MIoU > 0.999 && score.FScore > 0.999 ? 0 : 1;
    }
}

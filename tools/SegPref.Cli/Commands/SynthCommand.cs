using System.CommandLine;
using System.Diagnostics;
using SegPref.Avs.Synth;
using SegPref.Cli.Infrastructure;
using Spectre.Console;

namespace SegPref.Cli.Commands;

/// <summary>`segpref synth`: writes an AVS-Synth dataset in the AVSS release layout.</summary>
internal static class SynthCommand
{
    public static Command Create(CliEnvironment env)
    {
        var output = new Option<string>("--out") { Description = "Output folder.", Required = true };
        var preset = new Option<string>("--preset") { Description = "quick (seconds, for tests), standard (the benchmark) or realistic (standard scenes with realistic audio: noise floor, off-screen sources, timbre variation).", DefaultValueFactory = _ => "standard" };
        preset.AcceptOnlyFromAmong("quick", "standard", "realistic");
        var configFile = new Option<string?>("--config") { Description = "A generator config as JSON (the \"config\" object of a dataset's synth-config.json); replaces --preset. --seed, --clips, --size and --frames still apply on top." };
        var seed = new Option<long?>("--seed") { Description = "Seed of every random stream (default: the preset's)." };
        var clips = new Option<int?>("--clips") { Description = "Training clips; val/test/test-counter keep the preset's proportions." };
        var size = new Option<int?>("--size") { Description = "Frame side in pixels." };
        var frames = new Option<int?>("--frames") { Description = "Frames (= seconds) per clip." };
        var command = new Command("synth", "Generate AVS-Synth: clips whose statistics cause segmentation preference.") { output, preset, configFile, seed, clips, size, frames };
        command.SetAction((result, ct) => CommandErrors.Run(env, () =>
        {
            var config = Configure(result.GetValue(preset)!, result.GetValue(seed), result.GetValue(clips), result.GetValue(size), result.GetValue(frames), result.GetValue(configFile));
            var root = result.GetRequiredValue(output);
            var stopwatch = Stopwatch.StartNew();
            var rows = Generate(env, root, config, ct);
            env.Console.MarkupLineInterpolated($"wrote {rows} clips to {root} in {stopwatch.Elapsed.TotalSeconds:0.0} s (seed {config.Seed}, {config.FrameSizePx} px, {config.FramesPerClip} frames)");
            return 0;
        }));
        return command;
    }

    internal static SynthConfig Configure(string preset, long? seed, int? clips, int? size, int? frames, string? configFile = null)
    {
        var config = configFile is not null ? SynthConfig.FromJson(File.ReadAllText(configFile), configFile) : preset switch
        {
            "quick" => SynthConfig.Quick,
            "realistic" => SynthConfig.Realistic,
            _ => SynthConfig.Standard,
        };
        if (clips is { } n)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(n, 1, "--clips");
            int Scale(int count) => Math.Max(1, (int)Math.Round((double)count * n / config.TrainClips));
            config = config with { TrainClips = n, ValClips = Scale(config.ValClips), TestClips = Scale(config.TestClips), TestCounterClips = Scale(config.TestCounterClips) };
        }

        return config with
        {
            Seed = seed ?? config.Seed,
            FrameSizePx = size ?? config.FrameSizePx,
            FramesPerClip = frames ?? config.FramesPerClip,
        };
    }

    private static int Generate(CliEnvironment env, string root, SynthConfig config, CancellationToken ct)
    {
        var count = 0;
        env.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("generating");
                var progress = new SynchronousProgress<SynthProgress>(p =>
                {
                    task.Description = $"generating {p.Split}";
                    task.MaxValue = p.ClipsTotal;
                    task.Value = p.ClipsDone;
                });
                count = SynthGenerator.Generate(root, config, progress, ct).Count;
                task.Value = task.MaxValue;
            });
        return count;
    }
}

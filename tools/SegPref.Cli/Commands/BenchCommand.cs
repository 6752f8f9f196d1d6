using System.CommandLine;
using System.Diagnostics;
using SegPref.Cli.Infrastructure;
using SegPref.Media.Audio;
using Spectre.Console;

namespace SegPref.Cli.Commands;

/// <summary>`segpref bench`: measured speed of the numeric front ends (timings belong here, never in tests).</summary>
internal static class BenchCommand
{
    public static Command Create(CliEnvironment env)
    {
        var seconds = new Option<int>("--seconds") { Description = "Clip length in seconds.", DefaultValueFactory = _ => 10 };
        var repeats = new Option<int>("--repeats") { Description = "Timed repetitions (after one warm-up).", DefaultValueFactory = _ => 20 };
        var rate = new Option<int>("--rate") { Description = "Source sample rate in Hz (not 16000 adds resampling).", DefaultValueFactory = _ => 16000 };
        var logmel = new Command("logmel", "Time the VGGish log-mel front end on a synthetic clip: median wall time and x real time.") { seconds, repeats, rate };
        logmel.SetAction((result, _) => CommandErrors.Run(env, () =>
        {
            var (s, n, hz) = (result.GetValue(seconds), result.GetValue(repeats), result.GetValue(rate));
            ArgumentOutOfRangeException.ThrowIfLessThan(s, 1, "--seconds");
            ArgumentOutOfRangeException.ThrowIfLessThan(n, 1, "--repeats");
            var clip = new AudioClip(Enumerable.Range(0, s * hz).Select(i => (0.3f * MathF.Sin(2 * MathF.PI * 440 * i / hz)) + (0.05f * MathF.Sin(i * 12.9898f))).ToArray(), hz);
            VggishLogMel.ComputeExamples(clip, s);
            var times = new double[n];
            for (var i = 0; i < n; i++)
            {
                var sw = Stopwatch.StartNew();
                VggishLogMel.ComputeExamples(clip, s);
                times[i] = sw.Elapsed.TotalMilliseconds;
            }

            Array.Sort(times);
            var median = times[n / 2];
            var table = new Table().AddColumns("clip", "source rate", "repeats", "median ms", "min ms", "x real time (median)");
            table.AddRow($"{s} s", $"{hz} Hz", n.ToString(), median.ToString("0.00"), times[0].ToString("0.00"), (s * 1000 / median).ToString("0"));
            env.Console.Write(table);
            env.Console.MarkupLineInterpolated($"cores: {Environment.ProcessorCount}; single-threaded measurement");
            return 0;
        }));
        return new Command("bench", "Benchmarks with reported (not asserted) timings.") { logmel, Serve.BenchServeCommand.Create(env), BenchSoakCommand.Create(env), BenchFaultsCommand.Create(env) };
    }
}

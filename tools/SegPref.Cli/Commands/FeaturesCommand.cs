using System.CommandLine;
using SegPref.Cli.Infrastructure;
using SegPref.Media.Audio;
using SegPref.Media.Io;
using Spectre.Console;

namespace SegPref.Cli.Commands;

/// <summary>`segpref features logmel`: the VGGish log-mel examples of a WAV file as a float32 .npy [N, 96, 64].</summary>
internal static class FeaturesCommand
{
    public static Command Create(CliEnvironment env)
    {
        var input = new Argument<string>("IN.wav") { Description = "Any PCM/float WAV, any rate and channel count." };
        var output = new Option<string>("--out") { Description = "Output .npy path.", Required = true };
        var seconds = new Option<int?>("--seconds") { Description = "Exactly this many examples (AVSBench padding: repeat the last second)." };
        var logmel = new Command("logmel", "VGGish log-mel examples [N, 96, 64] (16 kHz, 25 ms Hann, 10 ms hop, 64 HTK mel bands 125-7500 Hz, log(mel + 0.01)).")
        {
            input, output, seconds,
        };
        logmel.SetAction((result, _) => CommandErrors.Run(env, () =>
        {
            var clip = WavFile.Read(result.GetRequiredValue(input));
            var n = result.GetValue(seconds);
            var examples = n is { } s ? VggishLogMel.ComputeExamples(clip, s) : VggishLogMel.ComputeExamples(clip);
            var path = result.GetRequiredValue(output);
            NpyFile.WriteFloat32(path, examples.Data, [examples.Count, LogMelExamples.FrameCount, LogMelExamples.BandCount]);
            env.Console.MarkupLineInterpolated($"wrote {path}: [[{examples.Count}, {LogMelExamples.FrameCount}, {LogMelExamples.BandCount}]] from {clip.DurationSeconds:0.00} s at {clip.SampleRateHz} Hz");
            return 0;
        }));
        return new Command("features", "Audio features.") { logmel };
    }
}

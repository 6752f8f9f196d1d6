using System.CommandLine;
using System.Globalization;
using SegPref.Avs.Avss;
using SegPref.Cli.Infrastructure;
using SegPref.Media.Video;
using Spectre.Console;

namespace SegPref.Cli.Commands;

/// <summary>`segpref video make`: an MP4 from dataset clips (an image per second and a WAV each), for trying and measuring the video path.</summary>
internal static class VideoCommand
{
    public static Command Create(CliEnvironment env)
    {
        var clips = new Option<string[]>("--clip") { Description = "A clip folder (frames/<i>.png|jpg or images directly in it, and audio.wav); repeat for more, played one after the other." };
        var data = new Option<string?>("--data") { Description = "An AVSS-layout dataset (e.g. AVS-Synth from `segpref synth`) to take clips from." };
        var split = new Option<string>("--split") { Description = "With --data: the split.", DefaultValueFactory = _ => "test" };
        var take = new Option<int>("--take") { Description = "With --data: how many clips.", DefaultValueFactory = _ => 1 };
        var skip = new Option<int>("--skip") { Description = "With --data: clips to pass over first.", DefaultValueFactory = _ => 0 };
        var output = new Option<string>("--out") { Description = "The MP4 to write.", Required = true };
        var size = new Option<string>("--size") { Description = "WIDTHxHEIGHT, both even.", DefaultValueFactory = _ => "640x360" };
        var fps = new Option<int>("--fps") { Description = "Frame rate of the video (each clip image is held for its second).", DefaultValueFactory = _ => 25 };
        var noAudio = new Option<bool>("--no-audio") { Description = "Leave the audio stream out." };
        var make = new Command("make", "Make an H.264/AAC MP4 from clip folders (an image per second plus audio.wav), e.g. to try `segpref segment --video`.")
        {
            clips, data, split, take, skip, output, size, fps, noAudio,
        };
        make.SetAction((result, ct) => CommandErrors.RunAsync(env, async () =>
        {
            var selected = Clips(result.GetValue(clips) ?? [], result.GetValue(data), result.GetRequiredValue(split), result.GetValue(take), result.GetValue(skip));
            var (width, height) = ParseSize(result.GetRequiredValue(size));
            var options = new ClipVideoOptions { Width = width, Height = height, FramesPerSecond = result.GetValue(fps), IncludeAudio = !result.GetValue(noAudio) };
            var path = result.GetRequiredValue(output);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await ClipVideoWriter.WriteAsync(FfmpegTools.Locate(), selected, path, options, ct);
            env.Console.MarkupLineInterpolated($"wrote {path}: {selected.Sum(c => c.Frames.Count)} s from {selected.Count} clip(s), {width}x{height} at {options.FramesPerSecond} fps{(options.IncludeAudio ? " with audio" : ", no audio")}");
            return 0;
        }));
        return new Command("video", "Video files for the video path.") { make };
    }

    private static List<VideoClip> Clips(string[] folders, string? data, string split, int take, int skip)
    {
        var clips = folders.Select(f => SegmentInputs.Resolve(f, null, null)).Select(c => new VideoClip(c.Frames, c.Audio)).ToList();
        if (data is not null)
        {
            clips.AddRange(AvssDataset.Open(data).Clips(split).Skip(skip).Take(take).Select(c => new VideoClip(c.FramePaths, c.AudioPath)));
        }

        return clips.Count > 0 ? clips : throw new ArgumentException("No clips selected: give --clip DIR (repeatable) or --data DIR [--split S --take N].");
    }

    private static (int Width, int Height) ParseSize(string text)
    {
        var parts = text.Split('x', 'X');
        return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var w) && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            ? (w, h)
            : throw new ArgumentException($"--size '{text}': give WIDTHxHEIGHT, e.g. 640x360.");
    }
}

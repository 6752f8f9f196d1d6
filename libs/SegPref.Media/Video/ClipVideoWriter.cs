using System.Globalization;
using System.Text;
using SegPref.Media.Audio;

namespace SegPref.Media.Video;

/// <summary>
/// Makes an MP4 from dataset clips (an image per second plus a WAV each), one after the other: what tests, examples
/// and benchmarks feed to the video path. The images are held for their second at the output rate and scaled to the
/// output size; each clip's audio is cut or padded with silence to its frames' seconds, so picture and sound stay
/// aligned across clips.
/// </summary>
public static class ClipVideoWriter
{
    /// <summary>Writes <paramref name="output"/> (replaced if it exists).</summary>
    /// <exception cref="ArgumentException">No clips, or a clip without frames.</exception>
    /// <exception cref="FileNotFoundException">A frame or WAV is missing.</exception>
    /// <exception cref="IOException">ffmpeg failed; the message holds its reason.</exception>
    public static async Task WriteAsync(FfmpegTools tools, IReadOnlyList<VideoClip> clips, string output, ClipVideoOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentNullException.ThrowIfNull(clips);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (clips.Count == 0 || clips.Any(c => c.Frames.Count == 0))
        {
            throw new ArgumentException("A video needs at least one clip, each with at least one frame.", nameof(clips));
        }

        var work = Directory.CreateTempSubdirectory("segpref-clip-video-");
        try
        {
            var list = Path.Combine(work.FullName, "frames.txt");
            await File.WriteAllTextAsync(list, FrameList(clips.SelectMany(c => c.Frames).ToList()), ct);
            var inv = CultureInfo.InvariantCulture;
            var arguments = new List<string> { "-v", "error", "-nostdin", "-y", "-f", "concat", "-safe", "0", "-i", list };
            if (options.IncludeAudio)
            {
                var wav = Path.Combine(work.FullName, "audio.wav");
                WavFile.Write(wav, Soundtrack(clips));
                arguments.AddRange(["-i", wav]);
            }

            arguments.AddRange(
            [
                // setsar=1: square pixels at the size asked for (scale alone keeps the square images' aspect through the
                // sample aspect ratio, and players would show a 640x360 video as 640x640).
                "-vf", string.Create(inv, $"fps={options.FramesPerSecond},scale={options.Width}:{options.Height}:flags=bilinear,setsar=1,format=yuv420p"),
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "20",
            ]);
            arguments.AddRange(options.IncludeAudio ? ["-c:a", "aac", "-b:a", "128k"] : ["-an"]);
            var seconds = clips.Sum(c => c.Frames.Count);
            arguments.AddRange(["-t", seconds.ToString(inv), "-movflags", "+faststart", output]);
            var (exit, _, errors) = await FfmpegProcess.RunAsync(tools.Ffmpeg, arguments, ct);
            if (exit != 0)
            {
                throw new IOException($"ffmpeg could not write {output}: {errors}");
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    // ffmpeg's concat demuxer: every image lasts one second; the last is listed twice so that its duration counts (the
    // output is then cut at the clips' total seconds).
    private static string FrameList(IReadOnlyList<string> frames)
    {
        var text = new StringBuilder("ffconcat version 1.0\n");
        foreach (var frame in frames)
        {
            var path = Path.GetFullPath(frame);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"Frame not found: {frame}", frame);
            }

            text.Append("file '").Append(path.Replace("'", "'\\''", StringComparison.Ordinal)).Append("'\nduration 1\n");
        }

        return text.Append("file '").Append(Path.GetFullPath(frames[^1]).Replace("'", "'\\''", StringComparison.Ordinal)).Append("'\n").ToString();
    }

    private static AudioClip Soundtrack(IReadOnlyList<VideoClip> clips)
    {
        var rate = 0;
        var samples = new List<float>();
        foreach (var clip in clips)
        {
            var audio = WavFile.Read(clip.Wav);
            rate = rate == 0 ? audio.SampleRateHz : rate;
            if (audio.SampleRateHz != rate)
            {
                audio = Resampler.Resample(audio, rate);
            }

            var length = clip.Frames.Count * rate;
            samples.AddRange(audio.Samples.Take(length));
            samples.AddRange(Enumerable.Repeat(0f, Math.Max(0, length - audio.Samples.Length)));
        }

        return new AudioClip([.. samples], rate);
    }
}

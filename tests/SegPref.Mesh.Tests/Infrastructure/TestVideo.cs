using SegPref.Media.Video;

namespace SegPref.Mesh.Tests.Infrastructure;

/// <summary>An MP4 made here with ffmpeg from <see cref="TestClip"/>'s frames (one per second) and its tone.</summary>
internal static class TestVideo
{
    /// <summary>The test's ffmpeg, or a skip naming what to install.</summary>
    public static FfmpegTools Tools() =>
        FfmpegTools.TryLocate(out var tools) ? tools : throw Xunit.Sdk.SkipException.ForSkip("ffmpeg and ffprobe are not installed (apt-get install ffmpeg)");

    /// <summary>Writes a <paramref name="seconds"/>-second H.264/AAC video into <paramref name="folder"/>.</summary>
    public static async Task<string> MakeAsync(string folder, int seconds, int width = 320, int height = 240)
    {
        var frames = TestClip.Frames(seconds).Select((png, i) =>
        {
            var path = Path.Combine(folder, $"{i}.png");
            File.WriteAllBytes(path, png);
            return path;
        }).ToList();
        var wav = Path.Combine(folder, "audio.wav");
        await File.WriteAllBytesAsync(wav, TestClip.StereoWav(seconds), TestContext.Current.CancellationToken);
        var video = Path.Combine(folder, "clip.mp4");
        await ClipVideoWriter.WriteAsync(Tools(), [new VideoClip(frames, wav)], video, new ClipVideoOptions { Width = width, Height = height }, TestContext.Current.CancellationToken);
        return video;
    }
}

using SegPref.Media.Imaging;
using SegPref.Media.Tests.Audio;
using SegPref.Media.Video;

namespace SegPref.Media.Tests.Video;

public sealed class VideoWindowReaderTests
{
    [Fact]
    public async Task ReadAsync_SevenSecondVideo_WindowsOfFiveThenTwoAtTheModelSize()
    {
        using var videos = new TestVideos();
        var path = await videos.MakeAsync("clip", 7);
        var info = await VideoProbe.ProbeAsync(videos.Tools, path, TestContext.Current.CancellationToken);
        await using var reader = VideoWindowReader.Open(videos.Tools, info, new VideoWindowOptions { FrameSize = 64 });

        var windows = await ReadAllAsync(reader);

        Assert.Equal([(0, 0, 5), (1, 5, 2)], windows.Select(w => (w.Index, w.StartSecond, w.Frames.Count)));
        Assert.All(windows.SelectMany(w => w.Frames), f => Assert.Equal((64, 64), (f.Width, f.Height)));
        for (var second = 0; second < 7; second++)
        {
            var frame = windows[second / 5].Frames[second % 5];
            AssertColor(TestVideos.Colors[second], frame[32, 32], $"second {second}");
        }

        Assert.All(windows, w => Assert.Equal((w.Frames.Count * 16_000, 16_000), (w.Audio.Samples.Length, w.Audio.SampleRateHz)));
        for (var second = 0; second < 7; second++)
        {
            // The middle half of each second: AAC's frames and the resampler blur the edges between seconds.
            var amplitude = Signals.AmplitudeAt(windows[second / 5].Audio.Samples, TestVideos.ToneHz, 16_000, ((second % 5) * 16_000) + 4_000, 8_000);
            Assert.InRange(amplitude, TestVideos.Amplitude(second) * 0.85, TestVideos.Amplitude(second) * 1.15);
        }
    }

    [Fact]
    public async Task ReadAsync_FrameChangesWithinASecond_TakesTheLastFrameOfEachSecond()
    {
        using var videos = new TestVideos();

        // Half-second images: red then green in second 0, blue then yellow in second 1.
        var halves = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            halves.Add(videos[$"half{i}.png"]);
            ImageCodec.Save(RgbImage.Filled(64, 64, TestVideos.Colors[i]), halves[^1]);
        }

        var list = videos["halves.txt"];
        await File.WriteAllTextAsync(list, "ffconcat version 1.0\n" + string.Concat(halves.Select(h => $"file '{h}'\nduration 0.5\n")) + $"file '{halves[^1]}'\n", TestContext.Current.CancellationToken);
        await videos.FfmpegAsync("-f", "concat", "-safe", "0", "-i", list, "-f", "lavfi", "-i", "sine=frequency=440:duration=2",
            "-vf", "fps=25,format=yuv420p", "-c:v", "libx264", "-c:a", "aac", "-shortest", videos["halves.mp4"]);
        var info = await VideoProbe.ProbeAsync(videos.Tools, videos["halves.mp4"], TestContext.Current.CancellationToken);
        await using var reader = VideoWindowReader.Open(videos.Tools, info, new VideoWindowOptions { FrameSize = 32 });

        var window = Assert.Single(await ReadAllAsync(reader));

        Assert.Equal(2, window.Frames.Count);
        AssertColor(TestVideos.Colors[1], window.Frames[0][16, 16], "second 0");
        AssertColor(TestVideos.Colors[3], window.Frames[1][16, 16], "second 1");
    }

    [Fact]
    public async Task ReadAsync_AudioEndsBeforeTheVideo_PadsTheLastSecondsWithSilence()
    {
        using var videos = new TestVideos();
        var picture = await videos.MakeAsync("picture", 4, new ClipVideoOptions { Width = 64, Height = 64, IncludeAudio = false });
        var clip = videos.Clip("short", 4, audioSeconds: 2.5);
        await videos.FfmpegAsync("-i", picture, "-i", clip.Wav, "-c:v", "copy", "-c:a", "aac", videos["short.mp4"]);
        var info = await VideoProbe.ProbeAsync(videos.Tools, videos["short.mp4"], TestContext.Current.CancellationToken);
        await using var reader = VideoWindowReader.Open(videos.Tools, info, new VideoWindowOptions { FrameSize = 16 });

        var window = Assert.Single(await ReadAllAsync(reader));

        Assert.Equal(4 * 16_000, window.Audio.Samples.Length);
        Assert.InRange(window.PaddedSamples, 1.4 * 16_000, 1.6 * 16_000);
        Assert.All(window.Audio.Samples[^window.PaddedSamples..], s => Assert.Equal(0f, s));
    }

    [Fact]
    public async Task ReadAsync_LongVideo_HoldsOneWindowAtATime()
    {
        using var videos = new TestVideos();
        await videos.FfmpegAsync("-f", "lavfi", "-i", "testsrc=size=160x90:rate=5:duration=600", "-f", "lavfi", "-i", "sine=frequency=440:duration=600",
            "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", videos["long.mp4"]);
        var info = await VideoProbe.ProbeAsync(videos.Tools, videos["long.mp4"], TestContext.Current.CancellationToken);

        // 224 px frames: 150 KB each, so keeping the 600 frames would hold 90 MB.
        await using var reader = VideoWindowReader.Open(videos.Tools, info, new VideoWindowOptions { FrameSize = 224 });
        long afterTen = 0;
        var windows = 0;
        while (await reader.ReadAsync(TestContext.Current.CancellationToken) is not null)
        {
            if (++windows == 10)
            {
                afterTen = GC.GetTotalMemory(forceFullCollection: true);
            }
        }

        var atEnd = GC.GetTotalMemory(forceFullCollection: true);
        Assert.Equal(120, windows);
        Assert.Equal(600, reader.FramesRead);
        Assert.True(atEnd - afterTen < 24L << 20, $"the managed heap grew by {(atEnd - afterTen) >> 20} MB over 110 windows");
    }

    [Fact]
    public async Task ReadAsync_UndecodableStream_FailsNamingTheCodec()
    {
        using var videos = new TestVideos();
        var path = await videos.MakeAsync("clip", 2);
        var info = await VideoProbe.ProbeAsync(videos.Tools, path, TestContext.Current.CancellationToken);
        var odd = await videos.UnknownCodecCopyAsync(path, "odd.mp4");

        // As if the probe had passed (a codec ffprobe names but this ffmpeg cannot decode).
        await using var reader = VideoWindowReader.Open(videos.Tools, info with { Path = odd }, new VideoWindowOptions { FrameSize = 16 });
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => reader.ReadAsync(TestContext.Current.CancellationToken));

        Assert.StartsWith("odd.mp4: unsupported video codec: ffmpeg cannot decode it (", error.Message, StringComparison.Ordinal);
    }

    private static async Task<List<VideoWindow>> ReadAllAsync(VideoWindowReader reader)
    {
        var windows = new List<VideoWindow>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken) is { } window)
        {
            windows.Add(window);
        }

        return windows;
    }

    private static void AssertColor((byte R, byte G, byte B) expected, (byte R, byte G, byte B) actual, string where) =>
        Assert.True(
            Math.Abs(expected.R - actual.R) <= 24 && Math.Abs(expected.G - actual.G) <= 24 && Math.Abs(expected.B - actual.B) <= 24,
            $"{where}: expected about {expected}, got {actual}");
}

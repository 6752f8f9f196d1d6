using SegPref.Media.Video;

namespace SegPref.Media.Tests.Video;

public sealed class VideoProbeTests
{
    [Fact]
    public async Task ProbeAsync_ClipVideo_ReportsSizeDurationAndCodecs()
    {
        using var videos = new TestVideos();
        var path = await videos.MakeAsync("clip", 6);

        var info = await VideoProbe.ProbeAsync(videos.Tools, path, TestContext.Current.CancellationToken);

        Assert.Equal((320, 180), (info.Width, info.Height));
        Assert.InRange(info.DurationSeconds, 5.9, 6.1);
        Assert.Equal(6, info.Seconds);
        Assert.Equal(("h264", "aac"), (info.VideoCodec, info.AudioCodec));
        Assert.Equal(25, info.FrameRate, 3);
        Assert.Equal(44_100, info.AudioSampleRateHz);
    }

    [Fact]
    public async Task ProbeAsync_NoAudioStream_FailsNamingIt()
    {
        using var videos = new TestVideos();
        var path = await videos.MakeAsync("silent", 2, new ClipVideoOptions { Width = 64, Height = 64, IncludeAudio = false });

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => VideoProbe.ProbeAsync(videos.Tools, path, TestContext.Current.CancellationToken));

        Assert.StartsWith("silent.mp4: no audio stream (streams: video h264)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_NoVideoStream_FailsNamingIt()
    {
        using var videos = new TestVideos();
        var clip = videos.Clip("sound", 2);
        await videos.FfmpegAsync("-i", clip.Wav, "-c:a", "aac", videos["sound.m4a"]);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => VideoProbe.ProbeAsync(videos.Tools, videos["sound.m4a"], TestContext.Current.CancellationToken));

        Assert.StartsWith("sound.m4a: no video stream (streams: audio aac)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_CoverArtOnly_CountsAsNoVideoStream()
    {
        using var videos = new TestVideos();
        var clip = videos.Clip("song", 2);
        await videos.FfmpegAsync("-i", clip.Wav, "-i", clip.Frames[0], "-map", "0:a", "-map", "1:v", "-c:a", "aac", "-c:v", "png", "-disposition:v", "attached_pic", videos["song.m4a"]);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => VideoProbe.ProbeAsync(videos.Tools, videos["song.m4a"], TestContext.Current.CancellationToken));

        Assert.Contains("no video stream", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_CodecFfmpegDoesNotKnow_FailsAsUnsupportedCodec()
    {
        using var videos = new TestVideos();
        var path = await videos.UnknownCodecCopyAsync(await videos.MakeAsync("clip", 2), "odd.mp4");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => VideoProbe.ProbeAsync(videos.Tools, path, TestContext.Current.CancellationToken));

        Assert.StartsWith("odd.mp4: unsupported video codec (tag 'zzzz'): ffmpeg cannot decode it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_StreamsWithoutSamples_FailsAsZeroDuration()
    {
        using var videos = new TestVideos();
        var path = await videos.MakeAsync("clip", 1);
        await videos.FfmpegAsync("-i", path, "-t", "0", "-c:v", "libx264", "-c:a", "aac", "-movflags", "frag_keyframe+empty_moov", videos["empty.mp4"]);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => VideoProbe.ProbeAsync(videos.Tools, videos["empty.mp4"], TestContext.Current.CancellationToken));

        Assert.Equal("empty.mp4: the duration is 0 s: the file holds no frames to segment.", error.Message);
    }

    [Fact]
    public async Task ProbeAsync_NotMedia_FailsSayingFfmpegCannotReadIt()
    {
        using var videos = new TestVideos();
        await File.WriteAllTextAsync(videos["notes.mp4"], "not a video", TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => VideoProbe.ProbeAsync(videos.Tools, videos["notes.mp4"], TestContext.Current.CancellationToken));

        Assert.StartsWith("notes.mp4: not a video ffmpeg can read (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_MissingFile_ThrowsFileNotFound()
    {
        using var videos = new TestVideos();

        await Assert.ThrowsAsync<FileNotFoundException>(() => VideoProbe.ProbeAsync(videos.Tools, videos["nowhere.mp4"], TestContext.Current.CancellationToken));
    }
}

using System.Text.Json;
using SegPref.Media.Video;

namespace SegPref.Cli.Tests;

/// <summary>`segpref video make` and `segpref segment --video` on AVS-Synth clips, through a real local mesh.</summary>
public sealed class SegmentVideoCommandTests(QuickDatasetFixture data) : IClassFixture<QuickDatasetFixture>, IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task SegmentVideo_NineSecondsThroughALocalMesh_WritesMasksTimelineAndAPlayableOverlay()
    {
        var tools = Tools();
        var (exit, output) = await CliRunner.RunAsync("video", "make", "--data", data.Root, "--split", "train", "--take", "3", "--size", "320x240", "--out", _tmp["in.mp4"]);
        Assert.True(exit == 0, output);

        (exit, output) = await CliRunner.RunAsync("segment", "--video", _tmp["in.mp4"], "--out", _tmp["out"]);

        Assert.True(exit == 0, output);
        Assert.Contains("[1/2] 0-5 s", output, StringComparison.Ordinal);
        Assert.Contains("[2/2] 5-9 s", output, StringComparison.Ordinal);
        var timeline = JsonDocument.Parse(await File.ReadAllTextAsync(_tmp["out/timeline.json"], TestContext.Current.CancellationToken)).RootElement;
        var seconds = timeline.GetProperty("seconds").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(0, 9), seconds.Select(s => s.GetProperty("second").GetInt32()));
        Assert.All(seconds, s =>
        {
            Assert.InRange(s.GetProperty("mask_area").GetDouble(), 0, 1);
            Assert.InRange(s.GetProperty("audio_reliance").GetDouble(), 0, 1);
            Assert.Equal(JsonValueKind.Array, s.GetProperty("cues").ValueKind);
            Assert.False(string.IsNullOrEmpty(s.GetProperty("description").GetString()));
        });
        Assert.Contains(seconds, s => s.GetProperty("mask_pixels").GetInt64() > 0);
        Assert.Equal(2, timeline.GetProperty("summary").GetProperty("windows").GetInt32());
        for (var second = 0; second < 9; second++)
        {
            var mask = Media.Masks.BinaryMask.Load(_tmp[$"out/masks/{second}.png"]);
            Assert.Equal((320, 240), (mask.Width, mask.Height));
            Assert.Equal(seconds[second].GetProperty("mask_pixels").GetInt64(), mask.ForegroundCount);
        }

        var overlay = await VideoProbe.ProbeAsync(tools, _tmp["out/overlay.mp4"], TestContext.Current.CancellationToken);
        Assert.Equal(("h264", "aac", 320, 240), (overlay.VideoCodec, overlay.AudioCodec, overlay.Width, overlay.Height));
        Assert.InRange(overlay.DurationSeconds, 8.9, 9.1);
    }

    [Fact]
    public async Task SegmentVideo_NoAudioStream_FailsBeforeStartingAMesh()
    {
        Tools();
        var (exit, output) = await CliRunner.RunAsync("video", "make", "--data", data.Root, "--no-audio", "--size", "64x64", "--out", _tmp["mute.mp4"]);
        Assert.True(exit == 0, output);

        (exit, output) = await CliRunner.RunAsync("segment", "--video", _tmp["mute.mp4"], "--out", _tmp["out"]);

        Assert.Equal(1, exit);
        Assert.Contains("mute.mp4: no audio stream", output, StringComparison.Ordinal);
        Assert.DoesNotContain("local mesh", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SegmentVideo_ZeroDuration_FailsNamingIt()
    {
        var tools = Tools();
        var (exit, output) = await CliRunner.RunAsync("video", "make", "--data", data.Root, "--size", "64x64", "--out", _tmp["one.mp4"]);
        Assert.True(exit == 0, output);
        var run = System.Diagnostics.Process.Start(tools.Ffmpeg, ["-v", "error", "-nostdin", "-y", "-i", _tmp["one.mp4"], "-t", "0", "-c:v", "libx264", "-c:a", "aac", "-movflags", "frag_keyframe+empty_moov", _tmp["empty.mp4"]]);
        await run.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, run.ExitCode);

        (exit, output) = await CliRunner.RunAsync("segment", "--video", _tmp["empty.mp4"], "--gateway", "http://127.0.0.1:9", "--out", _tmp["out"]);

        Assert.Equal(1, exit);
        Assert.Contains("empty.mp4: the duration is 0 s", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SegmentVideo_WithAClipToo_IsRefused()
    {
        var (exit, output) = await CliRunner.RunAsync("segment", "--video", "a.mp4", "--clip", "c", "--gateway", "http://127.0.0.1:9", "--out", _tmp["out"]);

        Assert.Equal(1, exit);
        Assert.Contains("one input at a time", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SegmentVideo_UnreachableGateway_FailsNamingTheStatus()
    {
        Tools();
        var (exit, output) = await CliRunner.RunAsync("video", "make", "--data", data.Root, "--size", "64x64", "--out", _tmp["one.mp4"]);
        Assert.True(exit == 0, output);

        (exit, output) = await CliRunner.RunAsync("segment", "--video", _tmp["one.mp4"], "--gateway", "http://127.0.0.1:9", "--out", _tmp["out"], "--timeout", "5");

        Assert.Equal(1, exit);
        Assert.Contains("the gateway did not describe its models: Unavailable", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/6")]
    [InlineData("teso/")]
    public async Task Segment_MalformedSegmenter_IsRefused(string segmenter)
    {
        var (exit, output) = await CliRunner.RunAsync("segment", "--video", "a.mp4", "--segmenter", segmenter, "--gateway", "http://127.0.0.1:9", "--out", _tmp["out"]);

        Assert.Equal(1, exit);
        Assert.Contains("give NAME or NAME/VERSION", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VideoMake_NoClips_FailsSayingWhatToGive()
    {
        var (exit, output) = await CliRunner.RunAsync("video", "make", "--out", _tmp["x.mp4"]);

        Assert.Equal(1, exit);
        Assert.Contains("No clips selected", output, StringComparison.Ordinal);
    }

    private static FfmpegTools Tools() =>
        FfmpegTools.TryLocate(out var tools) ? tools : throw Xunit.Sdk.SkipException.ForSkip("ffmpeg and ffprobe are not installed (apt-get install ffmpeg)");
}

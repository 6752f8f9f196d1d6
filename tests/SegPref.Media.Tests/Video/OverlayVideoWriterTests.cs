using SegPref.Media.Masks;
using SegPref.Media.Video;

namespace SegPref.Media.Tests.Video;

public sealed class OverlayVideoWriterTests
{
    [Fact]
    public async Task WriteAsync_MaskPerSecond_TintsThatSecondsFramesAndKeepsTheAudio()
    {
        using var videos = new TestVideos();
        var path = await videos.MakeAsync("clip", 3);
        var info = await VideoProbe.ProbeAsync(videos.Tools, path, TestContext.Current.CancellationToken);
        var masks = Directory.CreateDirectory(videos["masks"]).FullName;
        for (var second = 0; second < 3; second++)
        {
            // Second i: the left half is masked in seconds 0 and 2, the right half in second 1.
            var mask = new BinaryMask(info.Width, info.Height);
            for (var y = 0; y < info.Height; y++)
            {
                for (var x = 0; x < info.Width / 2; x++)
                {
                    mask.Values[(y * info.Width) + x + (second == 1 ? info.Width / 2 : 0)] = 1;
                }
            }

            mask.Save(Path.Combine(masks, $"{second}.png"));
        }

        var output = videos["overlay.mp4"];
        await OverlayVideoWriter.WriteAsync(videos.Tools, info, Path.Combine(masks, "%d.png"), output, new OverlayStyle { Color = (255, 0, 0), Opacity = 0.5 }, TestContext.Current.CancellationToken);

        var overlay = await VideoProbe.ProbeAsync(videos.Tools, output, TestContext.Current.CancellationToken);
        Assert.Equal(("h264", "aac"), (overlay.VideoCodec, overlay.AudioCodec));
        Assert.Equal((info.Width, info.Height), (overlay.Width, overlay.Height));
        Assert.InRange(overlay.DurationSeconds, info.DurationSeconds - 0.1, info.DurationSeconds + 0.1);
        foreach (var (second, tintedX, plainX) in new[] { (0, 80, 240), (1, 240, 80), (2, 80, 240) })
        {
            var frame = await videos.FrameAtAsync(output, second + 0.5);
            var color = TestVideos.Colors[second];
            var (tinted, plain) = (frame[tintedX, 90], frame[plainX, 90]);
            Assert.True(Math.Abs(plain.G - color.G) <= 24, $"second {second}: the unmasked half keeps its colour {color}, got {plain}");
            Assert.True(Math.Abs(tinted.G - (color.G / 2)) <= 24 && tinted.R >= plain.R - 24, $"second {second}: the masked half is tinted red, got {tinted} next to {plain}");
        }
    }
}

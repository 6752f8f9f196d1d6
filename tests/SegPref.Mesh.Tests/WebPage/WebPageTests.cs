using System.Globalization;
using Microsoft.Playwright;
using SegPref.Media.Masks;
using SegPref.Media.Video;
using SegPref.Mesh.Tests.Infrastructure;

namespace SegPref.Mesh.Tests.WebPage;

/// <summary>The page the gateway serves at `/`, in a real headless Chromium against the ONNX mesh.</summary>
public sealed class WebPageTests(WebPageFixture fixture) : IClassFixture<WebPageFixture>
{
    private const float Timeout = 100_000;

    [Fact]
    public async Task Page_ExampleClipWithApiKey_ShowsOverlaysCuesRelianceAndTimingsAndReRunsMutedAndSwapped()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await OpenAsync(context);
        await page.FillAsync("#api-key", WebPageFixture.ApiKey);

        await page.ClickAsync("button[data-example='examples/guitar.mp4']");
        await WaitDoneAsync(page, "section.run[data-mode='original']");

        var original = page.Locator("section.run[data-mode='original']");
        var figures = original.Locator("figure.frame");
        Assert.Equal(5, await figures.CountAsync());
        var pixels = await MaskPixelsAsync(original);
        Assert.Contains(pixels, p => p > 0);
        foreach (var canvas in await original.Locator("canvas.overlay").AllAsync())
        {
            Assert.True(await canvas.IsVisibleAsync());
        }

        Assert.True(await original.Locator(".cue").CountAsync() > 0, "no cues shown");
        Assert.DoesNotContain("(no description)", await original.Locator(".description").AllInnerTextsAsync());
        Assert.Equal(5, (await original.Locator(".reliance").AllInnerTextsAsync()).Count(t => t.StartsWith("audio reliance 0.", StringComparison.Ordinal) || t.StartsWith("audio reliance 1.", StringComparison.Ordinal)));
        var stages = await original.Locator("table.timings tr[data-stage]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.stage)");
        Assert.Contains("round trip (browser)", stages);
        Assert.Contains("caption", stages);
        Assert.Contains("audio", stages);

        // The switch: the same frames with silence. The served TeSO needs the sound: its masks shrink (here: vanish).
        await page.SelectOptionAsync("#audio-mode", "muted");
        await WaitDoneAsync(page, "section.run[data-mode='muted']");

        var muted = await MaskPixelsAsync(page.Locator("section.run[data-mode='muted']"));
        Assert.Equal(5, muted.Count);
        Assert.True(muted.Sum() < pixels.Sum(), $"muted masks ({muted.Sum()} px) should be smaller than with sound ({pixels.Sum()} px)");
        Assert.Equal(1, await page.Locator("section.run[data-mode='original']").CountAsync());

        // Swapped: the dog example's sound under the guitar's frames; each mode keeps its own section.
        await page.SelectOptionAsync("#swap-with", "examples/dog.mp4");
        await page.SelectOptionAsync("#audio-mode", "swapped");
        await WaitDoneAsync(page, "section.run[data-mode='swapped']");

        var swapped = page.Locator("section.run[data-mode='swapped']");
        Assert.Contains("the sound of dog.mp4", await swapped.Locator("h2").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(5, (await MaskPixelsAsync(swapped)).Count);
        Assert.Equal(3, await page.Locator("section.run").CountAsync());
        await ScreenshotAsync(page, "example-three-audio-modes.png");
    }

    [Fact]
    public async Task Page_NoApiKey_ShowsTheGatewaysRefusalAsAReadableMessage()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await OpenAsync(context);

        await page.ClickAsync("button[data-example='examples/dog.mp4']");
        await page.WaitForSelectorAsync("body[data-state='error']", new() { Timeout = Timeout });

        var error = await page.InnerTextAsync("#error");
        Assert.Contains("401", error, StringComparison.Ordinal);
        Assert.Contains("type it in the API key field", error, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("section.run").CountAsync());
    }

    [Fact]
    public async Task Page_VideoWithoutSound_SaysSoInsteadOfSegmenting()
    {
        var folder = Directory.CreateTempSubdirectory("segpref-web-mute-");
        try
        {
            var tools = TestVideo.Tools();
            var source = await TestVideo.MakeAsync(folder.FullName, 2);
            var silent = Path.Combine(folder.FullName, "no-audio.mp4");
            var ffmpeg = System.Diagnostics.Process.Start(tools.Ffmpeg, ["-v", "error", "-nostdin", "-y", "-i", source, "-an", "-c:v", "copy", silent])!;
            await ffmpeg.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, ffmpeg.ExitCode);
            await using var context = await fixture.Browser.NewContextAsync();
            var page = await OpenAsync(context);
            await page.FillAsync("#api-key", WebPageFixture.ApiKey);

            await page.SetInputFilesAsync("#file", silent);
            await page.WaitForSelectorAsync("body[data-state='error']", new() { Timeout = Timeout });

            Assert.Contains("no-audio.mp4: no audio stream", await page.InnerTextAsync("#error"), StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task OverlayVideo_WrittenByTheVideoPath_PlaysInChromium()
    {
        var folder = Directory.CreateTempSubdirectory("segpref-web-overlay-");
        try
        {
            var tools = TestVideo.Tools();
            var video = await VideoProbe.ProbeAsync(tools, await TestVideo.MakeAsync(folder.FullName, 3), TestContext.Current.CancellationToken);
            Directory.CreateDirectory(Path.Combine(folder.FullName, "masks"));
            for (var second = 0; second < 3; second++)
            {
                var pixels = new byte[video.Width * video.Height];
                pixels.AsSpan(0, pixels.Length / (second + 2)).Fill(1);
                new BinaryMask(video.Width, video.Height, pixels).Save(Path.Combine(folder.FullName, "masks", $"{second}.png"));
            }

            var overlay = Path.Combine(folder.FullName, "overlay.mp4");
            await OverlayVideoWriter.WriteAsync(tools, video, Path.Combine(folder.FullName, "masks", "%d.png"), overlay, new OverlayStyle(), TestContext.Current.CancellationToken);
            var bytes = await File.ReadAllBytesAsync(overlay, TestContext.Current.CancellationToken);
            await using var context = await fixture.Browser.NewContextAsync();
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(Timeout);
            await page.RouteAsync("http://overlay.test/**", route => route.Request.Url.EndsWith(".mp4", StringComparison.Ordinal)
                ? route.FulfillAsync(new() { Status = 200, ContentType = "video/mp4", BodyBytes = bytes })
                : route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<video id=v src=overlay.mp4 muted></video>" }));
            await page.GotoAsync("http://overlay.test/");

            // Played, not only loaded: the clock passes 1 s with frames decoded.
            var played = await page.EvaluateAsync<string>(@"async () => {
                const v = document.getElementById('v');
                await v.play();
                await new Promise((resolve, reject) => {
                    v.addEventListener('timeupdate', () => { if (v.currentTime > 1) resolve(); });
                    v.addEventListener('error', () => reject(new Error('media error ' + v.error.code)));
                });
                return `${v.videoWidth}x${v.videoHeight} ${Math.round(v.duration)} s ${v.getVideoPlaybackQuality().totalVideoFrames > 0}`;
            }");

            Assert.Equal("320x240 3 s true", played);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task<IPage> OpenAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        var response = await page.GotoAsync(fixture.Gateway.ToString());
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        await page.WaitForSelectorAsync("body[data-state='idle']");
        return page;
    }

    // Waits for the page to finish: the run's section when it succeeded, else the page's error message as the failure.
    private static async Task WaitDoneAsync(IPage page, string section)
    {
        await page.WaitForSelectorAsync($"body[data-state='done'] {section}, body[data-state='error']", new() { Timeout = Timeout });
        if (await page.GetAttributeAsync("body", "data-state") == "error")
        {
            Assert.Fail($"the page shows an error: {await page.InnerTextAsync("#error")}");
        }
    }

    // SEGPREF_WEB_SCREENSHOTS=DIR keeps a picture of the page (for a look at what the test saw).
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("SEGPREF_WEB_SCREENSHOTS") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, name), FullPage = true });
        }
    }

    private static async Task<List<long>> MaskPixelsAsync(ILocator run) =>
        [.. (await run.Locator("figure.frame").EvaluateAllAsync<string[]>("figures => figures.map(f => f.dataset.maskPixels)"))
            .Select(p => long.Parse(p, CultureInfo.InvariantCulture))];
}

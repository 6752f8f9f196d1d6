using System.Globalization;
using Microsoft.Playwright;
using SegPref.Mesh.Tests.Infrastructure;

namespace SegPref.Mesh.Tests.WebPage;

/// <summary>The page the gateway serves at `/`, in a real headless Chromium against the ONNX mesh.</summary>
public sealed class WebPageTests(WebPageFixture fixture) : IClassFixture<WebPageFixture>
{
    private const float Timeout = 100_000;

    [Fact]
    public async Task Page_ExampleClipWithApiKey_ShowsOverlaysCuesRelianceAndTimingsAndMutingChangesTheMasks()
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

        // The switch: the same frames with silence. The served TeSO loses its masks without sound (mute ΔJ 100%).
        await page.SelectOptionAsync("#audio-mode", "muted");
        await WaitDoneAsync(page, "section.run[data-mode='muted']");

        var muted = await MaskPixelsAsync(page.Locator("section.run[data-mode='muted']"));
        Assert.Equal(5, muted.Count);
        Assert.True(muted.Sum() < pixels.Sum(), $"muted masks ({muted.Sum()} px) should be smaller than with sound ({pixels.Sum()} px)");
        Assert.Equal(1, await page.Locator("section.run[data-mode='original']").CountAsync());
        await ScreenshotAsync(page, "example-muted-and-original.png");
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

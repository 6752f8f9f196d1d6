using Microsoft.Playwright;
using SegPref.Mesh.Tests.EndToEnd;
using SegPref.Mesh.Tests.Infrastructure;

namespace SegPref.Mesh.Tests.WebPage;

/// <summary>
/// The mesh serving the committed ONNX models behind a gateway that requires an API key, and a headless Chromium (the
/// system's, driven by Playwright) to load the gateway's page.
/// </summary>
public sealed class WebPageFixture : IAsyncLifetime
{
    /// <summary>The one key the gateway accepts.</summary>
    public const string ApiKey = "web-page-key-0123456789";

    /// <summary>Chromium's path: SEGPREF_CHROMIUM, else Debian's /usr/bin/chromium (apt-get install chromium).</summary>
    public static string ChromiumPath { get; } = Environment.GetEnvironmentVariable("SEGPREF_CHROMIUM") ?? "/usr/bin/chromium";

    private readonly MeshFixture _hosts = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri Gateway => _hosts.Gateway.Address;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"No Chromium at {ChromiumPath}: apt-get install chromium (or set SEGPREF_CHROMIUM).");
        }

        var keys = new Dictionary<string, string?> { ["Auth:ApiKeys:0:Client"] = "web", ["Auth:ApiKeys:0:Key"] = ApiKey };
        await _hosts.StartAllAsync(OnnxMeshFixture.Settings(), models: null, keys);
        _playwright = await Playwright.CreateAsync();

        // Playwright's own browser download is not reachable here: the system Chromium, headless; the tests run as root.
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--autoplay-policy=no-user-gesture-required"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _hosts.DisposeAsync();
    }
}

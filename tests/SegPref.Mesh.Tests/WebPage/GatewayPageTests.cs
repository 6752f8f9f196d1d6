using System.Net;
using SegPref.Gateway;
using SegPref.Mesh.Tests.Infrastructure;

namespace SegPref.Mesh.Tests.WebPage;

/// <summary>The gateway's static page: public even when keys are required, switchable, and a wrong root refused.</summary>
[Collection(MeshGroup.Name)]
public sealed class GatewayPageTests(MeshFixture mesh)
{
    [Fact]
    public async Task GetRoot_KeysRequired_ServesThePageAndItsFilesWithoutAKey()
    {
        var gateway = await StartGatewayAsync(new() { ["Auth:ApiKeys:0:Client"] = "c", ["Auth:ApiKeys:0:Key"] = "page-key-0123456789" });
        using var http = new HttpClient();

        using var page = await http.GetAsync(gateway.Address, TestContext.Current.CancellationToken);
        using var script = await http.GetAsync(new Uri(gateway.Address, "/app.js"), TestContext.Current.CancellationToken);
        using var api = await http.GetAsync(new Uri(gateway.Address, "/v1/models"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("POST /v1/segment", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task GetRoot_ServePageOff_NotFound()
    {
        var gateway = await StartGatewayAsync(new() { ["Gateway:ServePage"] = "false" });
        using var http = new HttpClient();

        using var page = await http.GetAsync(new Uri(gateway.Address, "/index.html"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task Start_PageRootMissing_FailsNamingIt()
    {
        var missing = Path.Combine(Path.GetTempPath(), "segpref-no-such-page-" + Guid.NewGuid().ToString("N"));

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => StartGatewayAsync(new() { ["Gateway:PageRoot"] = missing }));

        Assert.Contains($"Gateway:PageRoot '{missing}' does not exist", ex.ToString(), StringComparison.Ordinal);
    }

    private async Task<ServiceHost> StartGatewayAsync(Dictionary<string, string?> extra)
    {
        var settings = new Dictionary<string, string?> { ["Gateway:Port"] = "0", ["Telemetry:Exporter"] = "none" };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return await mesh.StartAsync(b => b.AddGateway(), a => a.MapGateway(), settings);
    }
}

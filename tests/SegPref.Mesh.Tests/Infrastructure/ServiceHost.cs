using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SegPref.ServiceDefaults.Models;

namespace SegPref.Mesh.Tests.Infrastructure;

/// <summary>One mesh service (or the gateway) hosted in the test process on its own real loopback Kestrel port.</summary>
internal sealed class ServiceHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServiceHost(WebApplication app, Uri address, string boundHost)
    {
        _app = app;
        Address = address;
        BoundHost = boundHost;
    }

    /// <summary>Where to call it (loopback, the bound port).</summary>
    public Uri Address { get; }

    /// <summary>The host Kestrel bound ("127.0.0.1", "0.0.0.0").</summary>
    public string BoundHost { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<ServiceHost> StartAsync(
        Action<WebApplicationBuilder> add,
        Action<WebApplication> map,
        IDictionary<string, string?> settings,
        ModelFactories? models = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Test",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        if (models is not null)
        {
            builder.Services.AddSingleton(models);
        }

        add(builder);
        var app = builder.Build();
        map(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        var address = new UriBuilder(bound) { Host = "127.0.0.1" }.Uri;
        return new ServiceHost(app, address, bound.Host);
    }

    public async Task StopAsync() => await _app.StopAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}

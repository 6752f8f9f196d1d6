using Microsoft.Extensions.FileProviders;

namespace SegPref.Gateway;

/// <summary>The web page at `/`: static files from web/ (no framework), served with the default document.</summary>
internal static partial class GatewayPage
{
    public static WebApplication UseGatewayPage(this WebApplication app, GatewayOptions options, ILogger logger)
    {
        var configured = !string.IsNullOrWhiteSpace(options.PageRoot);
        var root = configured ? Path.GetFullPath(options.PageRoot!) : Path.Combine(AppContext.BaseDirectory, "web");
        if (!Directory.Exists(root))
        {
            // A root named in configuration must exist; a build without web/ beside it serves the API without the page.
            if (configured)
            {
                throw new DirectoryNotFoundException($"Gateway:PageRoot '{root}' does not exist (set Gateway:ServePage=false to serve no page).");
            }

            LogNoPage(logger, root);
            return app;
        }

        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                // The page is small and changes with the gateway: revalidate rather than cache stale scripts.
                context.Context.Response.Headers.CacheControl = "no-cache";
                context.Context.Response.Headers.XContentTypeOptions = "nosniff";
            },
        });
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No web page: {Root} does not exist (the gateway serves the API only)")]
    private static partial void LogNoPage(ILogger logger, string root);
}

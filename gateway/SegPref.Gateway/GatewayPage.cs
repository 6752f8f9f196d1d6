using Microsoft.Extensions.FileProviders;

namespace SegPref.Gateway;

/// <summary>The web page at `/`: static files from web/ (no framework), served with the default document.</summary>
internal static class GatewayPage
{
    public static string Root(GatewayOptions options) =>
        string.IsNullOrWhiteSpace(options.PageRoot) ? Path.Combine(AppContext.BaseDirectory, "web") : Path.GetFullPath(options.PageRoot);

    public static WebApplication UseGatewayPage(this WebApplication app, GatewayOptions options)
    {
        var root = Root(options);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Gateway:PageRoot '{root}' does not exist (set Gateway:ServePage=false to serve no page).");
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
}

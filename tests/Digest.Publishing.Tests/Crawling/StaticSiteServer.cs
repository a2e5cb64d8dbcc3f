using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Logging;

namespace Digest.Publishing.Tests.Crawling;

/// <summary>
/// Serves a built site from 127.0.0.1 under a path prefix the way GitHub Pages does: a folder URL serves its
/// index.html, a folder without its trailing '/' redirects to it, and anything missing gets 404.html with status 404.
/// </summary>
internal sealed class StaticSiteServer : IAsyncDisposable
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private readonly WebApplication _app;

    private StaticSiteServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The address of the site's home page, e.g. http://127.0.0.1:41234/digest/.</summary>
    public Uri BaseAddress { get; }

    public static async Task<StaticSiteServer> StartAsync(string root, string prefix)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(context => ServeAsync(context, root, prefix));
        await app.StartAsync();
        return new StaticSiteServer(app, new Uri(app.Urls.First().TrimEnd('/') + prefix));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task ServeAsync(HttpContext context, string root, string prefix)
    {
        var path = Uri.UnescapeDataString(context.Request.Path.Value ?? "/");
        if ((path + "/").StartsWith(prefix, StringComparison.Ordinal) && !path.Contains("..", StringComparison.Ordinal))
        {
            var relative = path.Length < prefix.Length ? "" : path[prefix.Length..];
            var file = Path.Combine(root, relative.EndsWith('/') || relative.Length == 0 ? relative + "index.html" : relative);
            if (File.Exists(file))
            {
                await SendAsync(context, file, StatusCodes.Status200OK);
                return;
            }

            if (path.Length >= prefix.Length && Directory.Exists(Path.Combine(root, relative)) && File.Exists(Path.Combine(root, relative, "index.html")))
            {
                context.Response.Redirect(path + "/", permanent: true);
                return;
            }
        }

        await SendAsync(context, Path.Combine(root, "404.html"), StatusCodes.Status404NotFound);
    }

    private static async Task SendAsync(HttpContext context, string file, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream";
        await context.Response.SendFileAsync(file);
    }
}
